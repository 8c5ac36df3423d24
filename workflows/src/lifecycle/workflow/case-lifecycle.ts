import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { z } from 'zod';
import {
  ZCalendarUpdated,
  ZCaseLifecycleInput,
  ZCloseCase,
  ZDecisionMade,
  ZDecisionServed,
  ZDisclosureApproved,
  ZDisclosureWithdrawn,
  ZEnforcementActivityEnded,
  ZEvidenceUploaded,
  ZReviewMaterialsReceived,
  ZReviewMaterialsRequested,
  ZReviewOpinionIssued,
  ZSubmitProposal,
  checkProposal,
  type TCaseLifecycleInput,
  type TCaseLifecycleStatus,
  type TProposalProblem,
} from '@sanxiang/shared/src/contracts';
import type { TCaseStage } from '@sanxiang/shared/src/domain';
import type { TLifecycleActivities } from '../activities';
import { clockIds, createClockKeeper, instantFor, notifiedFor, reasonFor, type TLevel } from './clocks';
import * as msg from './messages';
import { searchAttributeUpdates, type TCaseSearchValues } from './search-attributes';
import {
  addYears,
  initialState,
  publicationYears,
  startOfShanghaiDate,
  terminalStages,
  type TClockState,
  type TDecisionCycle,
  type TLifecycleState,
  type TOutboxItem,
  type TReviewRound,
} from './state';

const { computeClock } = proxyActivities<TLifecycleActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// Service calls retry without limit: a service outage delays a case, it must never fail it.
const services = proxyActivities<TLifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

export interface TCaseLifecycleResult {
  caseNumber: string;
  stage: TCaseStage;
  cycles: number;
  rounds: number;
}

const iso = (instant: string): string => new Date(instant).toISOString();
const nowIso = (): string => new Date(Date.now()).toISOString();

/** An update rejection the caller can read: type + `{ code, message }[]` in details[0]. */
const reject = (type: string, problems: TProposalProblem[]): never => {
  throw ApplicationFailure.create({
    type,
    message: problems.map((p) => p.message).join('；'),
    details: [problems],
    nonRetryable: true,
  });
};

const parseUpdate = <S extends z.ZodType>(schema: S, raw: unknown, type: string): z.infer<S> => {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return reject(
      type,
      parsed.error.issues.map((i) => ({
        code: `payload.${i.path.join('.')}`,
        message: `${i.path.join('.')}：${i.message}`,
      })),
    );
  }
  return parsed.data;
};

/** A signal cannot be refused: one that does not parse is logged and ignored. */
const parseSignal = <S extends z.ZodType>(schema: S, raw: unknown, name: string): z.infer<S> | undefined => {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    log.warn(`Ignoring signal ${name}: invalid payload`, { issues: parsed.error.issues });
    return undefined;
  }
  return parsed.data;
};

/**
 * The lifecycle of one enforcement case (DOMAIN.md §4): investigation → proposal → legal review
 * (major cases, any number of rounds) → decision → disclosure → published → withdrawn / expired.
 * Stage changes happen in message handlers (synchronously, so an update returns the new stage);
 * the main loop does the work a stage needs on entry (activities) and continues-as-new to keep
 * history bounded. `carried` is the state handed over by continue-as-new.
 */
export async function caseLifecycleWorkflow(
  input: TCaseLifecycleInput,
  carried?: TLifecycleState,
): Promise<TCaseLifecycleResult> {
  let state: TLifecycleState;
  if (carried) {
    state = carried;
  } else {
    const parsed = ZCaseLifecycleInput.safeParse(input);
    if (!parsed.success)
      throw ApplicationFailure.nonRetryable(
        `Invalid lifecycle input: ${parsed.error.message}`,
        'InvalidInput',
      );
    state = initialState({ ...parsed.data, openedAt: iso(parsed.data.openedAt) });
  }
  const { workflowId } = workflowInfo();
  const key = (step: string): string => `${workflowId}:${step}`;
  const caseNumber = state.input.caseNumber;

  // ---- search attributes, outbox, stage ------------------------------------------------------

  let lastSearch: TCaseSearchValues | undefined;
  const syncSearchAttributes = (): void => {
    const running = state.clocks.filter((c) => c.status === 'running');
    const next: TCaseSearchValues = {
      caseNumber,
      stage: state.stage,
      deadlineAt: running.map((c) => c.dueAt).sort()[0] ?? null,
      overdue: running.some((c) => c.level >= 1),
      escalationLevel: Math.max(0, ...running.map((c) => c.level)),
      major: state.major,
      provisionalDeadline: running.some((c) => c.provisional),
    };
    const pairs = searchAttributeUpdates(next, lastSearch);
    if (pairs.length > 0) upsertSearchAttributes(pairs);
    lastSearch = next;
  };

  const enqueue = (item: TOutboxItem): void => {
    state.outbox.push(item);
  };

  // One consumer, in order; the queue is part of the state, so nothing is lost to continue-as-new.
  const drainOutbox = async (): Promise<void> => {
    for (;;) {
      await condition(() => state.outbox.length > 0);
      const item = state.outbox[0];
      if (!item) continue;
      if (item.type === 'escalation') {
        await services.recordEscalation({
          caseNumber,
          idempotencyKey: item.idempotencyKey,
          request: item.request,
        });
      } else {
        await services.recordStageTransition({
          caseNumber,
          idempotencyKey: item.idempotencyKey,
          request: item.request,
        });
      }
      state.outbox.shift();
    }
  };

  const currentRound = (): TReviewRound | undefined => state.rounds[state.rounds.length - 1];
  const currentCycle = (): TDecisionCycle => {
    const cycle = state.cycles.find((c) => c.cycle === state.cycle);
    if (!cycle) throw new Error(`cycle ${state.cycle} missing`); // invariant: pushed with the cycle number
    return cycle;
  };

  const setStage = (to: TCaseStage, note?: string): void => {
    const from = state.stage;
    if (from === to) return;
    state.stage = to;
    state.transitionSeq += 1;
    const round = currentRound();
    enqueue({
      type: 'stageTransition',
      idempotencyKey: key(`stage:${state.transitionSeq}`),
      request: {
        workflowId,
        from,
        to,
        at: nowIso(),
        cycle: state.cycle,
        ...(round ? { round: round.round } : {}),
        ...(note ? { note } : {}),
      },
    });
    syncSearchAttributes();
  };

  // ---- clocks --------------------------------------------------------------------------------

  const onFire = (clock: TClockState, level: TLevel): void => {
    const at = instantFor(clock, level);
    const notified = notifiedFor(clock, level);
    const reason = reasonFor(clock, level);
    state.escalations.push({
      clockId: clock.id,
      kind: clock.kind,
      level,
      notified,
      reason,
      dueAt: clock.dueAt,
      at,
    });
    if (clock.round !== undefined) {
      const round = state.rounds.find((r) => r.round === clock.round);
      if (round) round.maxLevel = Math.max(round.maxLevel, level);
    }
    enqueue({
      type: 'escalation',
      // startAt distinguishes a restarted count (after missing materials) from the first one.
      idempotencyKey: key(`escalation:${clock.id}:${clock.startAt}:${level}`),
      request: {
        workflowId,
        clockId: clock.id,
        clock: clock.kind,
        level,
        notified,
        reason,
        dueAt: clock.dueAt,
        at,
        ...(clock.round !== undefined ? { round: clock.round } : {}),
        ...(clock.cycle !== undefined ? { cycle: clock.cycle } : {}),
        ...(clock.activityId !== undefined ? { activityId: clock.activityId } : {}),
      },
    });
    syncSearchAttributes();
  };

  const clocks = createClockKeeper({ state, computeClock, onFire, onChange: syncSearchAttributes });

  /** The review round whose opinion is still awaited, if any. */
  const openRound = (): TReviewRound | undefined => {
    const round = currentRound();
    return state.stage === 'legalReview' && round && !round.outcome ? round : undefined;
  };
  const isPaused = (round: TReviewRound): boolean => {
    const last = round.materialRequests[round.materialRequests.length - 1];
    return last !== undefined && last.receivedAt === undefined;
  };

  /** Runs the round's 10-day clock from the latest receipt of complete materials, unless paused. */
  const ensureReviewClock = async (round: TReviewRound): Promise<void> => {
    if (!round.receivedAt || openRound() !== round || isPaused(round)) return;
    const last = round.materialRequests[round.materialRequests.length - 1];
    const startAt = last?.receivedAt ?? round.receivedAt;
    const id = clockIds.review(round.round);
    const existing = clocks.find(id);
    if (existing && existing.status === 'running' && existing.startAt === startAt) return;
    await clocks.open(
      { id, kind: 'legalReview', startAt, round: round.round, cycle: round.cycle, assigneeIds: [] },
      () => openRound() === round && !isPaused(round),
    );
  };

  // ---- handlers ------------------------------------------------------------------------------

  setHandler(msg.status, (): TCaseLifecycleStatus => ({
    caseNumber,
    stage: state.stage,
    major: state.major,
    majorCriteria: state.majorCriteria,
    cycle: state.cycle,
    clocks: state.clocks.map((c) => ({
      id: c.id,
      kind: c.kind,
      status: c.status,
      startAt: c.startAt,
      workingDays: c.workingDays,
      dueDate: c.dueDate,
      dueAt: c.dueAt,
      remindAt: c.remindAt,
      escalateAt: c.escalateAt,
      secondEscalateAt: c.secondEscalateAt,
      provisional: c.provisional,
      level: c.level,
    })),
    rounds: state.rounds.map(({ pendingIntake: _pending, reviewerId: _r, opinionId: _o, ...round }) => round),
    cycles: state.cycles.map((c) => ({
      cycle: c.cycle,
      decisionDate: c.decision?.decisionDate,
      documentNumber: c.decision?.documentNumber,
      disclosureMode: c.decision?.disclosure.mode,
      disclosureId: c.disclosureId,
      servedAt: c.servedAt,
      approvedAt: c.approvedAt,
      publishedAt: c.publishedAt,
      expiresAt: c.expiresAt,
      withdrawn: c.withdrawn
        ? { reason: c.withdrawn.reason, explanation: c.withdrawn.explanation, at: c.withdrawn.at }
        : undefined,
      expiredAt: c.expiredAt,
    })),
    escalations: state.escalations,
    openEvidenceActivities: state.openEvidence.map((e) => e.activityId),
    closedReason: state.closedReason,
  }));

  // 执法全过程记录: each enforcement activity's records are uploaded within 2 working days.
  setHandler(msg.enforcementActivityEnded, async (raw) => {
    const p = parseSignal(ZEnforcementActivityEnded, raw, 'enforcementActivityEnded');
    if (!p) return;
    const { activityId } = p;
    // Upload already in (it may overtake the end signal), or a repeated delivery.
    if (state.uploadedActivityIds.includes(activityId)) return;
    if (state.openEvidence.some((e) => e.activityId === activityId)) return;
    const endedAt = iso(p.endedAt);
    state.openEvidence.push({ activityId, endedAt, officerIds: p.officerIds ?? [] });
    await clocks.open(
      {
        id: clockIds.evidence(activityId),
        kind: 'evidenceUpload',
        startAt: endedAt,
        activityId,
        assigneeIds: p.officerIds ?? [],
      },
      () => state.openEvidence.some((e) => e.activityId === activityId),
    );
  });

  setHandler(msg.evidenceUploaded, (raw) => {
    const p = parseSignal(ZEvidenceUploaded, raw, 'evidenceUploaded');
    if (!p) return;
    if (!state.uploadedActivityIds.includes(p.activityId)) state.uploadedActivityIds.push(p.activityId);
    const before = state.openEvidence.length;
    state.openEvidence = state.openEvidence.filter((e) => e.activityId !== p.activityId);
    if (state.openEvidence.length !== before) clocks.close(clockIds.evidence(p.activityId));
  });

  // 拟作出决定: the handler's proposal; a major case goes to legal review as a new round.
  setHandler(
    msg.submitProposal,
    (raw) => {
      const p = ZSubmitProposal.parse(raw); // validated below; parse again for the typed, trimmed value
      const cycle = currentCycle();
      state.major = state.major || p.major;
      state.majorCriteria = p.majorCriteria;
      if (state.major) {
        const round: TReviewRound = {
          round: state.rounds.length + 1,
          cycle: state.cycle,
          submittedAt: iso(p.submittedAt),
          submittedBy: p.submittedBy,
          pendingIntake: p,
          materialRequests: [],
          maxLevel: -1,
        };
        state.rounds.push(round);
        setStage('legalReview', `第 ${round.round} 轮法制审核`);
        return { stage: state.stage, cycle: state.cycle, round: round.round };
      }
      cycle.proposalSubmittedAt = iso(p.submittedAt);
      setStage('decision');
      return { stage: state.stage, cycle: state.cycle, round: null };
    },
    {
      validator: (raw) => {
        const p = parseUpdate(ZSubmitProposal, raw, 'InvalidProposal');
        if (state.stage !== 'investigation' && state.stage !== 'proposal') {
          reject('WrongStage', [{ code: 'stage', message: `当前阶段（${state.stage}）不能提交拟作出决定` }]);
        }
        const problems = checkProposal(p);
        if (state.major && !p.major) {
          problems.push({
            code: 'major.cannotDowngrade',
            message: '已按重大执法决定送审的案件不能改为一般案件',
          });
        }
        if (problems.length > 0) reject('InvalidProposal', problems);
      },
    },
  );

  // 法制审核: materials requested → the clock stops; received → the 10 days count from receipt.
  setHandler(msg.reviewMaterialsRequested, (raw) => {
    const p = parseSignal(ZReviewMaterialsRequested, raw, 'reviewMaterialsRequested');
    if (!p) return;
    const round = openRound();
    if (!round || round.round !== p.round)
      return void log.warn('Ignoring reviewMaterialsRequested: not the open round', { round: p.round });
    round.materialRequests.push({ requestedAt: iso(p.requestedAt), dueDate: p.dueDate, missing: p.missing });
    clocks.pause(clockIds.review(round.round));
  });

  setHandler(msg.reviewMaterialsReceived, async (raw) => {
    const p = parseSignal(ZReviewMaterialsReceived, raw, 'reviewMaterialsReceived');
    if (!p) return;
    const round = openRound();
    const last = round?.materialRequests[round.materialRequests.length - 1];
    if (!round || round.round !== p.round || !last || last.receivedAt) {
      return void log.warn('Ignoring reviewMaterialsReceived: no open request in that round', {
        round: p.round,
      });
    }
    last.receivedAt = iso(p.receivedAt);
    await ensureReviewClock(round);
  });

  setHandler(msg.reviewOpinionIssued, (raw) => {
    const p = parseSignal(ZReviewOpinionIssued, raw, 'reviewOpinionIssued');
    if (!p) return;
    const round = openRound();
    if (!round || round.round !== p.round)
      return void log.warn('Ignoring reviewOpinionIssued: not the open round', { round: p.round });
    Object.assign(round, {
      outcome: p.outcome,
      reasons: p.reasons,
      issuedAt: iso(p.issuedAt),
      reviewerId: p.reviewerId,
      opinionId: p.opinionId,
    });
    clocks.close(clockIds.review(round.round));
    const note = `第 ${round.round} 轮审核意见：${p.outcome}`;
    switch (p.outcome) {
      case 'approve': // 同意
        return setStage('decision', note);
      case 'supplementInvestigation': // 补充调查
        return setStage('investigation', note);
      case 'modify': // 变更
      case 'correct': // 纠正: the handler revises and resubmits, a new round
        return setStage('proposal', note);
      case 'transfer': // 移送
        state.closedReason = `移送：${p.reasons}`;
        return setStage('transferred', note);
    }
  });

  // 作出决定: for a major case only after an approving review, collective discussion and the head's approval.
  setHandler(
    msg.decisionMade,
    (raw) => {
      const p = ZDecisionMade.parse(raw);
      currentCycle().decision = p;
      setStage('disclosure', `决定书 ${p.documentNumber}`);
      return { stage: state.stage, cycle: state.cycle };
    },
    {
      validator: (raw) => {
        const p = parseUpdate(ZDecisionMade, raw, 'InvalidDecision');
        if (state.stage !== 'decision') {
          reject('WrongStage', [{ code: 'stage', message: `当前阶段（${state.stage}）不能作出决定` }]);
        }
        if (!state.major) return;
        const problems: TProposalProblem[] = [];
        const round = currentRound();
        if (!round || round.cycle !== state.cycle || round.outcome !== 'approve') {
          problems.push({
            code: 'review.notApproved',
            message: '重大执法决定未经法制审核同意，不得作出决定',
          });
        }
        if (!p.collectiveDiscussionRecordId) {
          problems.push({ code: 'decision.noCollectiveDiscussion', message: '重大执法决定须附集体讨论记录' });
        }
        if (!p.headApprovalRecordId) {
          problems.push({ code: 'decision.noHeadApproval', message: '重大执法决定须附负责人审批记录' });
        }
        if (problems.length > 0) reject('InvalidDecision', problems);
      },
    },
  );

  setHandler(msg.decisionServed, (raw) => {
    const p = parseSignal(ZDecisionServed, raw, 'decisionServed');
    if (!p) return;
    const cycle = state.cycles.find((c) => c.cycle === p.cycle);
    if (!cycle?.decision)
      return void log.warn('Ignoring decisionServed: no decision in that cycle', { cycle: p.cycle });
    cycle.servedAt = iso(p.servedAt);
  });

  setHandler(
    msg.closeCase,
    (raw) => {
      const p = ZCloseCase.parse(raw);
      state.closedReason = p.reason;
      setStage('closed', p.reason);
      return { stage: state.stage };
    },
    {
      validator: (raw) => {
        parseUpdate(ZCloseCase, raw, 'InvalidClose');
        if (state.stage !== 'investigation' && state.stage !== 'proposal') {
          reject('WrongStage', [{ code: 'stage', message: `当前阶段（${state.stage}）不能直接结案` }]);
        }
      },
    },
  );

  // 公示: internal review and approval happen in the disclosure service; the workflow publishes.
  setHandler(msg.disclosureApproved, (raw) => {
    const p = parseSignal(ZDisclosureApproved, raw, 'disclosureApproved');
    if (!p) return;
    const cycle = currentCycle();
    if (
      state.stage !== 'disclosure' ||
      p.cycle !== cycle.cycle ||
      (cycle.disclosureId && cycle.disclosureId !== p.disclosureId)
    ) {
      return void log.warn('Ignoring disclosureApproved: not the pending disclosure', { cycle: p.cycle });
    }
    cycle.disclosureId = p.disclosureId;
    cycle.approvedAt ??= iso(p.approvedAt);
  });

  let expiring = false;
  // 撤下: taken down with an explanation; 重新作出 opens a new decision cycle with its own disclosure.
  setHandler(msg.disclosureWithdrawn, (raw) => {
    const p = parseSignal(ZDisclosureWithdrawn, raw, 'disclosureWithdrawn');
    if (!p) return;
    const cycle = currentCycle();
    if (
      state.stage !== 'published' ||
      expiring ||
      p.cycle !== cycle.cycle ||
      p.disclosureId !== cycle.disclosureId
    ) {
      return void log.warn('Ignoring disclosureWithdrawn: not the current publication', { cycle: p.cycle });
    }
    cycle.withdrawn = {
      reason: p.reason,
      explanation: p.explanation,
      at: iso(p.at),
      withdrawnBy: p.withdrawnBy,
    };
    setStage('withdrawn', `${p.reason}：${p.explanation}`);
    if (p.reason === 'toBeRedone') {
      state.cycle += 1;
      state.cycles.push({ cycle: state.cycle });
      state.continuedForPublication = false;
      setStage('proposal', `重新作出（第 ${state.cycle} 次决定）`);
    }
  });

  setHandler(msg.calendarUpdated, async (raw) => {
    const p = parseSignal(ZCalendarUpdated, raw, 'calendarUpdated');
    if (!p) return;
    await clocks.recomputeProvisional();
  });

  // ---- stage work ----------------------------------------------------------------------------

  const shouldContinueAsNew = (): boolean => workflowInfo().continueAsNewSuggested;

  const continueAsNewNow = async (): Promise<never> => {
    // Let handlers finish (a clock being computed) and the outbox drain: a new run starts with no
    // activity of the old one still in flight (the carried outbox would resend it anyway).
    await condition(() => allHandlersFinished() && state.outbox.length === 0);
    return continueAsNew<typeof caseLifecycleWorkflow>(state.input, state);
  };

  const legalReview = async (): Promise<void> => {
    const round = currentRound();
    if (!round) throw new Error('legalReview without a round'); // invariant: submitProposal pushes it
    const proposal = round.pendingIntake;
    if (proposal) {
      const res = await services.submitLegalReview({
        idempotencyKey: key(`review-intake:${round.round}`),
        request: {
          caseNumber,
          workflowId,
          round: round.round,
          cycle: round.cycle,
          submittedBy: proposal.submittedBy,
          submittedAt: round.submittedAt,
          officers: proposal.officers,
          decisionKind: proposal.decisionKind,
          summary: proposal.summary,
          majorCriteria: proposal.majorCriteria,
          hearingOrAssessmentHeld: proposal.hearingOrAssessmentHeld,
          materials: proposal.materials,
        },
      });
      round.reviewId = res.reviewId;
      round.receivedAt = iso(res.receivedAt);
      delete round.pendingIntake;
    }
    await ensureReviewClock(round);
    await condition(() => state.stage !== 'legalReview' || shouldContinueAsNew());
  };

  const disclosure = async (): Promise<void> => {
    const cycle = currentCycle();
    const decision = cycle.decision;
    if (!decision) throw new Error('disclosure without a decision'); // invariant: decisionMade sets it
    const exempt = decision.disclosure.mode === 'exempt';
    const randomInspection = decision.randomInspection === true;
    const clockId = clockIds.disclosure(cycle.cycle);
    if (!exempt && !cycle.publishedAt && !clocks.find(clockId)) {
      await clocks.open(
        {
          id: clockId,
          kind: randomInspection ? 'randomInspectionDisclosure' : 'disclosure',
          // The decision date starts the count (that day itself not counted).
          startAt: startOfShanghaiDate(decision.decisionDate),
          cycle: cycle.cycle,
          assigneeIds: [],
        },
        () => state.stage === 'disclosure' && !cycle.publishedAt,
      );
    }
    if (!cycle.disclosureId) {
      const dueAt = clocks.find(clockId)?.dueAt;
      const res = await services.createDisclosureDraft({
        idempotencyKey: key(`disclosure-draft:${cycle.cycle}`),
        request: {
          caseNumber,
          workflowId,
          cycle: cycle.cycle,
          party: state.input.party,
          decisionDate: decision.decisionDate,
          documentNumber: decision.documentNumber,
          decisionKind: decision.decisionKind,
          randomInspection,
          publication: decision.publication,
          disclosure: decision.disclosure,
          ...(dueAt ? { dueAt } : {}),
        },
      });
      cycle.disclosureId ??= res.disclosureId;
    }
    if (decision.disclosure.mode === 'exempt') {
      // 不予公开: the reason is recorded with the disclosure service; nothing is published.
      state.closedReason = `不予公开：${decision.disclosure.reason}（${decision.disclosure.explanation}）`;
      return setStage('exempt', state.closedReason);
    }
    await condition(() => cycle.approvedAt !== undefined || shouldContinueAsNew());
    if (cycle.approvedAt === undefined) return;
    const disclosureId = cycle.disclosureId;
    if (!disclosureId) throw new Error('approved without a disclosure id'); // set by draft or approval
    if (!cycle.publishedAt) {
      const res = await services.publishDisclosure({
        disclosureId,
        idempotencyKey: key(`disclosure-publish:${cycle.cycle}`),
        request: { workflowId, cycle: cycle.cycle },
      });
      cycle.publishedAt = iso(res.publishedAt);
      cycle.expiresAt = addYears(cycle.publishedAt, publicationYears(state.input.party.kind));
    }
    clocks.close(clockId);
    setStage('published');
  };

  const published = async (): Promise<void> => {
    const cycle = currentCycle();
    if (!state.continuedForPublication) {
      // Years of waiting ahead: start them with a fresh, short history.
      state.continuedForPublication = true;
      await continueAsNewNow();
    }
    const { expiresAt, disclosureId } = cycle;
    if (!expiresAt || !disclosureId) throw new Error('published without expiry'); // set when publishing
    const remaining = Date.parse(expiresAt) - Date.now();
    if (remaining > 0) await condition(() => state.stage !== 'published' || shouldContinueAsNew(), remaining);
    if (state.stage !== 'published' || Date.now() < Date.parse(expiresAt)) return;
    expiring = true;
    const res = await services.expireDisclosure({
      disclosureId,
      idempotencyKey: key(`disclosure-expire:${cycle.cycle}`),
      request: { workflowId, cycle: cycle.cycle, expiresAt },
    });
    cycle.expiredAt = iso(res.expiredAt);
    setStage('expired', `公示期满（${publicationYears(state.input.party.kind)} 年）`);
  };

  const awaitStageChange = async (stage: TCaseStage): Promise<void> => {
    await condition(() => state.stage !== stage || shouldContinueAsNew());
  };

  // ---- main loop -----------------------------------------------------------------------------

  clocks.resumeAll();
  syncSearchAttributes();
  void drainOutbox();

  while (!terminalStages.includes(state.stage)) {
    if (shouldContinueAsNew()) await continueAsNewNow();
    switch (state.stage) {
      case 'legalReview':
        await legalReview();
        break;
      case 'disclosure':
        await disclosure();
        break;
      case 'published':
        await published();
        break;
      default: // investigation, proposal, decision: waiting for the handler's next step
        await awaitStageChange(state.stage);
    }
  }

  // Closed, but records of enforcement activities may still be owed, and the outbox must be sent.
  for (;;) {
    await condition(
      () => (state.openEvidence.length === 0 && state.outbox.length === 0) || shouldContinueAsNew(),
    );
    if (state.openEvidence.length === 0 && state.outbox.length === 0) break;
    await continueAsNewNow();
  }
  await condition(allHandlersFinished);
  return { caseNumber, stage: state.stage, cycles: state.cycles.length, rounds: state.rounds.length };
}
