import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { ZCaseLifecycleInput, type TCaseLifecycleInput } from '@sanxiang/shared/src/contracts';
import type { TCaseStage } from '@sanxiang/shared/src/domain';
import type { TLifecycleActivities } from '../activities';
import { createClockKeeper } from './clocks';
import { closeCase, validateCloseCase } from './handlers/decision/close-case';
import { decisionMade, validateDecisionMade } from './handlers/decision/decision-made';
import { onDecisionServed } from './handlers/decision/decision-served';
import { onDisclosureApproved } from './handlers/disclosure/disclosure-approved';
import { onDisclosureWithdrawn } from './handlers/disclosure/withdraw-published-decision';
import { onDisclosureExempted } from './handlers/disclosure/disclosure-exempted';
import { onDecisionRevoked } from './handlers/disclosure/decision-revoked';
import { onEnforcementActivityEnded } from './handlers/evidence/enforcement-activity-ended';
import { onEvidenceUploaded } from './handlers/evidence/evidence-uploaded';
import { onReviewMaterialsReceived } from './handlers/legal-review/review-materials-received';
import { onReviewMaterialsRequested } from './handlers/legal-review/review-materials-requested';
import { onReviewOpinionIssued } from './handlers/legal-review/review-opinion-issued';
import {
  designateMajor,
  downgradeMajor,
  validateDesignateMajor,
  validateDowngradeMajor,
} from './handlers/proposal/major-determination';
import { submitProposal, validateSubmitProposal } from './handlers/proposal/submit-proposal';
import { onCalendarUpdated } from './handlers/calendar-updated';
import { statusOf } from './handlers/status-query';
import { Lifecycle } from './lifecycle';
import * as msg from './messages';
import { drainOutbox } from './outbox';
import { disclosureStage } from './stages/disclosure-stage';
import { legalReviewStage } from './stages/legal-review-stage';
import { publishedStage } from './stages/published-stage';
import { initialState, terminalStages, type TLifecycleState } from './state';
import { iso } from './time';
import { SERVICE_RETRY_CAP_PATCH } from '../../service-retry';

const { computeClock } = proxyActivities<TLifecycleActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// Service calls retry without limit: a service outage delays a case, it must never fail it.
const servicesBefore = proxyActivities<TLifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
const servicesCapped = proxyActivities<TLifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});
/** Each call takes the options of its run's path (patched() is asked when a call is made). */
const services: TLifecycleActivities = new Proxy(servicesCapped, {
  get: (capped, name) =>
    (patched(SERVICE_RETRY_CAP_PATCH) ? capped : servicesBefore)[name as keyof TLifecycleActivities],
});

export interface TCaseLifecycleResult {
  caseNumber: string;
  stage: TCaseStage;
  cycles: number;
  rounds: number;
}

/**
 * The lifecycle of one enforcement case (DOMAIN.md §4, docs/lifecycle.md): investigation → proposal
 * → legal review (major cases, any number of rounds) → decision → disclosure → published →
 * withdrawn / expired. This file only wires: the state (`Lifecycle`), the message handlers
 * (`handlers/`, synchronous where an update returns the new stage), and the main loop, which runs the
 * work a stage needs on entry (`stages/`) and continues-as-new to keep history bounded. `carried`
 * is the state handed over by continue-as-new.
 */
export async function caseLifecycleWorkflow(
  input: TCaseLifecycleInput,
  carried?: TLifecycleState,
): Promise<TCaseLifecycleResult> {
  const lc = new Lifecycle(carried ?? startState(input), {
    workflowId: workflowInfo().workflowId,
    nowMs: () => Date.now(),
    warn: (message, attributes) => log.warn(message, attributes),
    upsertSearchAttributes,
    condition: (fn, timeoutMs) => (timeoutMs === undefined ? condition(fn) : condition(fn, timeoutMs)),
    continueAsNewSuggested: () => workflowInfo().continueAsNewSuggested,
    patched,
    allHandlersFinished,
    continueAsNew: (state) => continueAsNew<typeof caseLifecycleWorkflow>(state.input, state),
    services,
  });
  lc.clocks = createClockKeeper({
    state: lc.state,
    computeClock,
    onFire: (clock, level) => lc.onClockFired(clock, level),
    onChange: () => lc.syncSearchAttributes(),
    onEvent: (type, clock) => lc.onClockEvent(type, clock),
  });

  setHandler(msg.status, () => statusOf(lc));
  setHandler(msg.enforcementActivityEnded, (raw) => onEnforcementActivityEnded(lc, raw));
  setHandler(msg.evidenceUploaded, (raw) => onEvidenceUploaded(lc, raw));
  setHandler(msg.submitProposal, (raw) => submitProposal(lc, raw), {
    validator: (raw) => validateSubmitProposal(lc, raw),
  });
  setHandler(msg.designateMajor, (raw) => designateMajor(lc, raw), {
    validator: (raw) => validateDesignateMajor(lc, raw),
  });
  setHandler(msg.downgradeMajor, (raw) => downgradeMajor(lc, raw), {
    validator: (raw) => validateDowngradeMajor(lc, raw),
  });
  setHandler(msg.reviewMaterialsRequested, (raw) => onReviewMaterialsRequested(lc, raw));
  setHandler(msg.reviewMaterialsReceived, (raw) => onReviewMaterialsReceived(lc, raw));
  setHandler(msg.reviewOpinionIssued, (raw) => onReviewOpinionIssued(lc, raw));
  setHandler(msg.decisionMade, (raw) => decisionMade(lc, raw), {
    validator: (raw) => validateDecisionMade(lc, raw),
  });
  setHandler(msg.decisionServed, (raw) => onDecisionServed(lc, raw));
  setHandler(msg.closeCase, (raw) => closeCase(lc, raw), { validator: (raw) => validateCloseCase(lc, raw) });
  setHandler(msg.disclosureApproved, (raw) => onDisclosureApproved(lc, raw));
  setHandler(msg.disclosureWithdrawn, (raw) => onDisclosureWithdrawn(lc, raw));
  setHandler(msg.disclosureExempted, (raw) => onDisclosureExempted(lc, raw));
  setHandler(msg.decisionRevoked, (raw) => onDecisionRevoked(lc, raw));
  setHandler(msg.calendarUpdated, (raw) => onCalendarUpdated(lc, raw));

  // ---- main loop -----------------------------------------------------------------------------

  lc.clocks.resumeAll();
  lc.syncSearchAttributes();
  void drainOutbox(lc);

  while (!terminalStages.includes(lc.state.stage)) {
    if (lc.shouldContinueAsNew()) await lc.continueAsNewNow();
    switch (lc.state.stage) {
      case 'legalReview':
        await legalReviewStage(lc);
        break;
      case 'disclosure':
        await disclosureStage(lc);
        break;
      case 'published':
        await publishedStage(lc);
        break;
      default: // investigation, proposal, decision: waiting for the handler's next step
        await lc.awaitStageChange(lc.state.stage);
    }
  }

  // Closed, but records of enforcement activities may still be owed, and the outbox must be sent.
  const { state } = lc;
  for (;;) {
    await condition(
      () => (state.openEvidence.length === 0 && state.outbox.length === 0) || lc.shouldContinueAsNew(),
    );
    if (state.openEvidence.length === 0 && state.outbox.length === 0) break;
    await lc.continueAsNewNow();
  }
  await condition(allHandlersFinished);
  return {
    caseNumber: lc.caseNumber,
    stage: state.stage,
    cycles: state.cycles.length,
    rounds: state.rounds.length,
  };
}

/** A new case: the validated start input. */
function startState(input: TCaseLifecycleInput): TLifecycleState {
  const parsed = ZCaseLifecycleInput.safeParse(input);
  if (!parsed.success)
    throw ApplicationFailure.nonRetryable(`Invalid lifecycle input: ${parsed.error.message}`, 'InvalidInput');
  return initialState({ ...parsed.data, openedAt: iso(parsed.data.openedAt) });
}
