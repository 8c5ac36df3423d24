import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { TDecisionMade, TSubmitProposal } from '@sanxiang/shared/src/contracts';
import type { TClockSpec } from '../../src/lifecycle/workflow/clocks';
import { Lifecycle } from '../../src/lifecycle/workflow/lifecycle';
import type { TClocks, TLifecycleServices } from '../../src/lifecycle/workflow/ports';
import { initialState, type TClockState, type TLifecycleState } from '../../src/lifecycle/workflow/state';

/**
 * A `Lifecycle` on plain functions instead of Temporal: handlers and stage steps run as ordinary
 * code. The clock keeper is a recorder (its timers are Temporal's; they are tested in
 * lifecycle-clocks.test.ts); services answer like the stubs of the time-skipping tests.
 */
export function fakeLifecycle(options: { now?: string; state?: Partial<TLifecycleState> } = {}) {
  let now = Date.parse(options.now ?? '2026-03-02T02:00:00Z');
  const seen = {
    upserts: [] as SearchAttributeUpdatePair[][],
    warnings: [] as string[],
    opened: [] as TClockSpec[],
    closed: [] as string[],
    paused: [] as string[],
    calls: [] as { name: string; input: unknown }[],
    continuedAsNew: 0,
  };
  const state: TLifecycleState = {
    ...initialState({
      caseNumber: '常人社监〔2026〕1号',
      title: '拖欠工资',
      party: { kind: 'legalPerson', name: '某建筑公司' },
      openedBy: 'officer-1',
      openedAt: '2026-03-01T01:00:00.000Z',
    }),
    ...options.state,
  };
  const record =
    <R>(name: string, answer: (input: never) => R) =>
    async (input: unknown): Promise<R> => {
      seen.calls.push({ name, input });
      return answer(input as never);
    };
  const services: TLifecycleServices = {
    recordEscalation: record('recordEscalation', () => ({ escalationId: 'esc-1' })),
    recordStageTransition: record('recordStageTransition', () => undefined as never),
    reportClockEvent: record('reportClockEvent', () => undefined as never),
    submitLegalReview: record('submitLegalReview', () => ({
      reviewId: 'review-1',
      receivedAt: new Date(now).toISOString(),
    })),
    createDisclosureDraft: record('createDisclosureDraft', () => ({ disclosureId: 'disc-1' })),
    publishDisclosure: record('publishDisclosure', () => ({ publishedAt: new Date(now).toISOString() })),
    expireDisclosure: record('expireDisclosure', () => ({ expiredAt: new Date(now).toISOString() })),
    fileDecisionWithOffice: record('fileDecisionWithOffice', () => ({
      filed: true,
      filingId: 'filing-1',
      filedAt: new Date(now).toISOString(),
    })),
    stopRevokedDisclosure: record('stopRevokedDisclosure', () => ({
      stoppedAt: new Date(now).toISOString(),
    })),
  } as unknown as TLifecycleServices;

  const lc = new Lifecycle(state, {
    workflowId: 'case-lifecycle:test',
    nowMs: () => now,
    warn: (message) => void seen.warnings.push(message),
    upsertSearchAttributes: (pairs) => void seen.upserts.push(pairs),
    // A condition that is not yet true would wait for a signal: the tests drive steps that don't.
    condition: async (fn) => {
      if (!fn()) throw new Error('fake condition would block');
      return true;
    },
    continueAsNewSuggested: () => false,
    // A new run takes every patched path.
    patched: () => true,
    allHandlersFinished: () => true,
    continueAsNew: async () => {
      seen.continuedAsNew += 1;
      throw new Error('continued as new');
    },
    services,
  });

  const clocks: TClocks = {
    find: (id) => lc.state.clocks.find((c) => c.id === id),
    async open(spec, stillWanted) {
      if (!stillWanted()) return;
      seen.opened.push(spec);
      const clock: TClockState = {
        ...spec,
        status: 'running',
        workingDays: 10,
        dueDate: '2026-03-16',
        dueAt: '2026-03-16T16:00:00.000Z',
        remindAt: '2026-03-12T01:00:00.000Z',
        escalateAt: '2026-03-16T16:00:00.000Z',
        secondEscalateAt: '2026-03-19T16:00:00.000Z',
        provisional: false,
        level: -1,
        generation: 1,
      };
      lc.state.clocks = [...lc.state.clocks.filter((c) => c.id !== spec.id), clock];
    },
    close(id) {
      seen.closed.push(id);
      const clock = lc.state.clocks.find((c) => c.id === id);
      lc.state.clocks = lc.state.clocks.filter((c) => c.id !== id);
      return clock;
    },
    pause(id) {
      seen.paused.push(id);
      const clock = lc.state.clocks.find((c) => c.id === id);
      if (clock) clock.status = 'paused';
    },
    recomputeProvisional: async () => undefined,
    resumeAll: () => undefined,
  };
  lc.clocks = clocks;
  return { lc, seen, setNow: (instant: string) => void (now = Date.parse(instant)) };
}

const officers = [
  { userId: 'officer-1', name: '王强', certificateNumber: '21010020001' },
  { userId: 'officer-2', name: '李娜', certificateNumber: '21010020002' },
];

export const proposal = (overrides: Partial<TSubmitProposal> = {}): TSubmitProposal => ({
  submittedBy: 'officer-1',
  submittedAt: '2026-03-02T02:00:00Z',
  officers,
  decisionKind: 'penalty',
  summary: '责令支付拖欠工资并处罚款',
  major: true,
  majorCriteria: ['majorRightsAffected'],
  hearingOrAssessmentHeld: false,
  materials: [
    { kind: 'investigationReport', documentId: 'r1', title: '调查终结报告' },
    { kind: 'proposedDecision', documentId: 'r2', title: '拟作出处罚决定及说明' },
    { kind: 'draftDecisionDocument', documentId: 'r3', title: '行政处罚决定书（代拟稿）' },
    { kind: 'evidence', documentId: 'r4', title: '证据材料' },
    { kind: 'otherMaterials', documentId: 'r5', title: '其他材料（无）' },
  ],
  ...overrides,
});

export const decision = (overrides: Partial<TDecisionMade> = {}): TDecisionMade => ({
  recordedBy: 'officer-1',
  decisionDate: '2026-03-20',
  documentNumber: '常人社监罚〔2026〕8号',
  decisionKind: 'penalty',
  collectiveDiscussionRecordId: 'rec-collective',
  headApprovalRecordId: 'rec-head',
  publication: {
    enforcementMethod: '劳动保障监察',
    content: '拖欠 12 名劳动者工资共计 36 万元',
    decision: '责令限期支付并处罚款 2 万元',
    penaltyKind: '罚款',
    legalBasis: '《劳动保障监察条例》第二十六条',
    performance: '自收到决定书之日起 15 日内缴纳',
    issuingAuthority: '某市人力资源和社会保障局',
  },
  disclosure: { mode: 'publish' },
  ...overrides,
});
