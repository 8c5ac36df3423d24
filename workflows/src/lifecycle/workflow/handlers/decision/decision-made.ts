import { caseStageLabel } from '@sanxiang/shared/src/domain';
import {
  lifecycleFailureTypes as failure,
  ZDecisionMade,
  checkMajorDecision,
  type TDecisionMadeResult,
} from '@sanxiang/shared/src/contracts';
import type { Lifecycle } from '../../lifecycle';
import { parseUpdate, reject } from '../../parse-messages';

/** Rejects a decision in the wrong stage, or a major one without what `checkMajorDecision` requires. */
export function validateDecisionMade(lc: Lifecycle, raw: unknown): void {
  const p = parseUpdate(ZDecisionMade, raw, failure.invalidDecision);
  const { state } = lc;
  if (state.stage !== 'decision') {
    reject(failure.wrongStage, [
      { code: 'stage', message: `当前阶段（${caseStageLabel[state.stage]}）不能作出决定` },
    ]);
  }
  if (!state.major) return;
  const round = lc.currentRound();
  const approvedInThisCycle = !!round && round.cycle === state.cycle && round.outcome === 'approve';
  const problems = checkMajorDecision(p, { approvedInThisCycle });
  if (problems.length > 0) reject(failure.invalidDecision, problems);
}

/**
 * `patched()` id of filing every decision with the legal-review office when it is made (#13 item 8,
 * 审核办法 §16 "执法决定应当定期向法制审核机构备案"). Runs that made their decision before file nothing.
 */
export const DECISION_FILING_PATCH = 'file-decision-with-office';

/**
 * 作出决定: recorded in the cycle; the case moves to disclosure (the 7-day clock opens there), and
 * the decision is queued for filing with the legal-review office (outbox, so it survives
 * continue-as-new and an outage of the office's service).
 */
export function decisionMade(lc: Lifecycle, raw: unknown): TDecisionMadeResult {
  const p = ZDecisionMade.parse(raw);
  const cycle = lc.currentCycle();
  cycle.decision = p;
  lc.setStage('disclosure', `决定书 ${p.documentNumber}`);
  if (lc.ports.patched(DECISION_FILING_PATCH)) {
    lc.enqueue({
      type: 'decisionFiling',
      cycle: cycle.cycle,
      filing: {
        idempotencyKey: lc.key(`decision-filing:${cycle.cycle}`),
        request: {
          caseNumber: lc.caseNumber,
          documentNumber: p.documentNumber,
          decisionKind: p.decisionKind,
          decisionDate: p.decisionDate,
          title: lc.state.input.title,
        },
      },
    });
  }
  return { stage: lc.state.stage, cycle: lc.state.cycle };
}
