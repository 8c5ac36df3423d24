import { ApplicationFailure } from '@temporalio/common';
import {
  decisionMade,
  validateDecisionMade,
} from '../../src/lifecycle/workflow/handlers/decision/decision-made';
import { onDisclosureApproved } from '../../src/lifecycle/workflow/handlers/disclosure/disclosure-approved';
import { onDisclosureExempted } from '../../src/lifecycle/workflow/handlers/disclosure/disclosure-exempted';
import { onDisclosureWithdrawn } from '../../src/lifecycle/workflow/handlers/disclosure/withdraw-published-decision';
import { onEnforcementActivityEnded } from '../../src/lifecycle/workflow/handlers/evidence/enforcement-activity-ended';
import { onEvidenceUploaded } from '../../src/lifecycle/workflow/handlers/evidence/evidence-uploaded';
import { statusOf } from '../../src/lifecycle/workflow/handlers/status-query';
import {
  disclosureStage,
  EXEMPT_PLAN_DECIDED_PATCH,
} from '../../src/lifecycle/workflow/stages/disclosure-stage';
import { publishedStage } from '../../src/lifecycle/workflow/stages/published-stage';
import { decision, fakeLifecycle } from '../support/fake-lifecycle';

const inDecision = () => {
  const f = fakeLifecycle();
  f.lc.state.stage = 'decision';
  return f;
};

test('a major decision needs an approving review of this cycle (checkMajorDecision)', () => {
  const { lc } = inDecision();
  lc.state.major = true;
  let failure: unknown;
  try {
    validateDecisionMade(lc, decision({ headApprovalRecordId: undefined }));
  } catch (err) {
    failure = err;
  }
  expect(failure).toBeInstanceOf(ApplicationFailure);
  expect((failure as ApplicationFailure).details?.[0]).toEqual([
    expect.objectContaining({ code: 'review.notApproved' }),
    expect.objectContaining({ code: 'decision.noHeadApproval' }),
  ]);
});

test('disclosure: the 7-day clock opens from the decision date, the draft is created, approval publishes', async () => {
  const { lc, seen } = inDecision();
  decisionMade(lc, decision());
  expect(lc.state.stage).toBe('disclosure');
  await expect(disclosureStage(lc)).rejects.toThrow('fake condition would block'); // awaits approval
  expect(seen.opened).toEqual([
    expect.objectContaining({ id: 'disclosure:1', kind: 'disclosure', startAt: '2026-03-19T16:00:00.000Z' }),
  ]);
  onDisclosureApproved(lc, {
    cycle: 1,
    disclosureId: 'disc-1',
    approvedBy: 'head',
    approvedAt: '2026-03-23T02:00:00Z',
  });
  await disclosureStage(lc);
  expect(seen.calls.map((c) => c.name)).toEqual(['createDisclosureDraft', 'publishDisclosure']);
  expect(seen.closed).toEqual(['disclosure:1']);
  expect(lc.state.stage).toBe('published');
  expect(lc.state.cycles[0]?.expiresAt).toBe('2031-03-02T02:00:00.000Z'); // 5 years for a legal person
});

// #13 item 2, exemptPlanDecided (003 (三), 004 §10、§16, 000 §18): a decision whose plan says 不予公开 is
// not recorded exempt at once: the disclosure service turns the plan into a pending non-publication
// request; the publication clock runs and the case waits for the check and the head's approval.
test('exemptPlanDecided: an exempt plan waits for the approved non-publication, with the clock running', async () => {
  const { lc, seen } = inDecision();
  const plan = {
    mode: 'exempt' as const,
    reason: 'stateSecret' as const,
    explanation: '决定主要内容涉及国家秘密',
  };
  decisionMade(lc, decision({ disclosure: plan }));
  await expect(disclosureStage(lc)).rejects.toThrow('fake condition would block'); // awaits the decision on it
  expect(seen.opened).toEqual([expect.objectContaining({ id: 'disclosure:1', kind: 'disclosure' })]);
  expect(seen.calls.filter((c) => c.name === 'createDisclosureDraft')).toEqual([
    {
      name: 'createDisclosureDraft',
      input: expect.objectContaining({ request: expect.objectContaining({ disclosure: plan }) }),
    },
  ]);
  expect(lc.state.stage).toBe('disclosure');
  onDisclosureExempted(lc, {
    cycle: 1,
    disclosureId: 'disc-1',
    reason: 'stateSecret',
    explanation: '决定主要内容涉及国家秘密，经审核不予公开。',
    exemptedBy: 'head',
    at: '2026-03-23T02:00:00Z',
  });
  await disclosureStage(lc);
  expect(seen.closed).toEqual(['disclosure:1']);
  expect(lc.state.stage).toBe('exempt');
  expect(seen.calls.map((c) => c.name)).not.toContain('publishDisclosure');
});

test('exemptPlanDecided: a run from before the patch still records an exempt plan at once, without a clock', async () => {
  const { lc, seen } = inDecision();
  lc.ports.patched = (id) => id !== EXEMPT_PLAN_DECIDED_PATCH;
  decisionMade(lc, decision({ disclosure: { mode: 'exempt', reason: 'stateSecret', explanation: '涉密' } }));
  await disclosureStage(lc);
  expect(seen.opened).toEqual([]);
  expect(lc.state.stage).toBe('exempt');
});

// #13 item 2, nonPublicationDecided (003 (三), 004 §10、§16): a non-publication checked and approved in
// the disclosure service stops the clock and ends the case exempt; nothing is published.
test('nonPublicationDecided: an approved non-publication stops the clock and ends the case exempt', async () => {
  const { lc, seen } = inDecision();
  decisionMade(lc, decision());
  await expect(disclosureStage(lc)).rejects.toThrow('fake condition would block');
  onDisclosureExempted(lc, {
    cycle: 2, // not this cycle: ignored
    disclosureId: 'disc-1',
    reason: 'personalPrivacy',
    explanation: '决定内容涉及第三人个人隐私，经审核不予公开。',
    exemptedBy: 'head',
    at: '2026-03-23T02:00:00Z',
  });
  expect(lc.state.cycles[0]?.exempted).toBeUndefined();
  onDisclosureExempted(lc, {
    cycle: 1,
    disclosureId: 'disc-1',
    reason: 'personalPrivacy',
    explanation: '决定内容涉及第三人个人隐私，经审核不予公开。',
    exemptedBy: 'head',
    at: '2026-03-23T02:00:00Z',
  });
  await disclosureStage(lc);
  expect(seen.calls.map((c) => c.name)).toEqual(['createDisclosureDraft']); // never published
  expect(seen.closed).toEqual(['disclosure:1']);
  expect(lc.state.stage).toBe('exempt');
  expect(lc.state.closedReason).toContain('personalPrivacy');
});

test('a published decision is withdrawn; to be redone opens cycle 2 at proposal', () => {
  const { lc } = inDecision();
  decisionMade(lc, decision());
  Object.assign(lc.state.cycles[0]!, { disclosureId: 'disc-1', publishedAt: '2026-03-23T02:00:00.000Z' });
  lc.state.stage = 'published';
  const withdrawal = {
    cycle: 1,
    disclosureId: 'disc-1',
    explanation: '事实认定有误',
    withdrawnBy: 'd',
    at: '2026-04-01T02:00:00Z',
  };
  onDisclosureWithdrawn(lc, { ...withdrawal, reason: 'toBeRedone' });
  expect(lc.state.cycle).toBe(2);
  expect(lc.state.stage).toBe('proposal');
  expect(lc.state.outbox.flatMap((o) => (o.type === 'stageTransition' ? [o.request.to] : []))).toEqual([
    'disclosure',
    'withdrawn',
    'proposal',
  ]);
});

test('a withdrawal is ignored while the publication expires', async () => {
  const { lc, seen, setNow } = inDecision();
  decisionMade(lc, decision());
  Object.assign(lc.state.cycles[0]!, { disclosureId: 'disc-1', expiresAt: '2031-03-02T02:00:00.000Z' });
  Object.assign(lc.state, { stage: 'published', continuedForPublication: true });
  setNow('2031-03-02T02:00:00Z');
  await publishedStage(lc);
  expect(lc.state.stage).toBe('expired');
  expect(seen.calls.at(-1)?.name).toBe('expireDisclosure');
  onDisclosureWithdrawn(lc, {
    cycle: 1,
    disclosureId: 'disc-1',
    reason: 'revoked',
    explanation: '撤销',
    withdrawnBy: 'd',
    at: '2031-03-02T02:00:00Z',
  });
  expect(lc.state.stage).toBe('expired');
});

test('evidence: an ended activity opens its clock, the upload closes it, the status lists what is open', async () => {
  const { lc, seen } = fakeLifecycle();
  await onEnforcementActivityEnded(lc, {
    activityId: 'a1',
    endedAt: '2026-03-02T10:00:00+08:00',
    officerIds: ['officer-1'],
  });
  expect(statusOf(lc).openEvidenceActivities).toEqual(['a1']);
  expect(seen.opened[0]).toEqual(
    expect.objectContaining({ id: 'evidenceUpload:a1', assigneeIds: ['officer-1'] }),
  );
  onEvidenceUploaded(lc, { activityId: 'a1', uploadedAt: '2026-03-03T02:00:00Z' });
  expect(seen.closed).toEqual(['evidenceUpload:a1']);
  expect(statusOf(lc).openEvidenceActivities).toEqual([]);
});

test('a fired clock level is kept in the status and queued for the case file with a stable key', async () => {
  const { lc } = fakeLifecycle();
  await onEnforcementActivityEnded(lc, { activityId: 'a1', endedAt: '2026-03-02T10:00:00+08:00' });
  const clock = lc.state.clocks[0]!;
  clock.level = 1;
  lc.onClockFired(clock, 1);
  expect(statusOf(lc).escalations).toEqual([
    expect.objectContaining({
      clockId: 'evidenceUpload:a1',
      level: 1,
      notified: expect.objectContaining({ audience: 'unitHead' }),
    }),
  ]);
  expect(lc.state.outbox[0]).toEqual(
    expect.objectContaining({
      idempotencyKey: 'case-lifecycle:test:escalation:evidenceUpload:a1:2026-03-02T02:00:00.000Z:1',
    }),
  );
});

test('the status query shows each clock as a person reads it', async () => {
  const { lc, setNow } = fakeLifecycle();
  await onEnforcementActivityEnded(lc, { activityId: 'a1', endedAt: '2026-03-02T10:00:00+08:00' });
  // The fake clock is due 16 Mar 2026 (a Monday); its working dates come from computeClock.
  lc.state.clocks[0]!.workingDates = ['2026-03-13', '2026-03-16', '2026-03-17'];
  setNow('2026-03-13T02:00:00Z'); // Friday 13th: the 16th is left
  expect(statusOf(lc).clocks[0]).toMatchObject({
    dueDateText: '2026年3月16日',
    workingDaysLeft: 1,
    levelText: null,
    provisionalText: null,
  });
  lc.state.clocks[0]!.level = 1;
  lc.state.clocks[0]!.provisional = true;
  setNow('2026-03-17T02:00:00Z');
  expect(statusOf(lc).clocks[0]).toMatchObject({
    workingDaysLeft: -1,
    levelText: '已超期',
    provisionalText: '暂按法定节假日推算（当年调休安排未公布）',
  });
});
