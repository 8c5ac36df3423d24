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

/** 作出决定: recorded in the cycle; the case moves to disclosure (the 7-day clock opens there). */
export function decisionMade(lc: Lifecycle, raw: unknown): TDecisionMadeResult {
  const p = ZDecisionMade.parse(raw);
  lc.currentCycle().decision = p;
  lc.setStage('disclosure', `决定书 ${p.documentNumber}`);
  return { stage: lc.state.stage, cycle: lc.state.cycle };
}
