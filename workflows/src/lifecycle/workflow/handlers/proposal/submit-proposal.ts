import { caseStageLabel, type TCaseStage } from '@sanxiang/shared/src/domain';
import {
  lifecycleFailureTypes as failure,
  ZSubmitProposal,
  checkProposal,
  checkResubmission,
  type TSubmitProposalResult,
} from '@sanxiang/shared/src/contracts';
import type { Lifecycle } from '../../lifecycle';
import { parseUpdate, reject } from '../../parse-messages';
import type { TReviewRound } from '../../state';
import { iso } from '../../time';
import { proposalDetermination, recordDetermination } from './major-determination';

/** Rejects a proposal that breaks a rule of `checkProposal` or comes in the wrong stage. */
export function validateSubmitProposal(lc: Lifecycle, raw: unknown): void {
  const p = parseUpdate(ZSubmitProposal, raw, failure.invalidProposal);
  const { stage } = lc.state;
  if (stage !== 'investigation' && stage !== 'proposal') {
    reject(failure.wrongStage, [
      { code: 'stage', message: `当前阶段（${caseStageLabel[stage as TCaseStage]}）不能提交拟作出决定` },
    ]);
  }
  const problems = [...checkProposal(p), ...checkResubmission(p, lc.state.major)];
  if (problems.length > 0) reject(failure.invalidProposal, problems);
}

/**
 * 拟作出决定: the handler's proposal. A major case goes to legal review as a new round (the
 * `legalReview` stage then hands it over, see stages/legal-review-stage.ts); otherwise to decision.
 */
export function submitProposal(lc: Lifecycle, raw: unknown): TSubmitProposalResult {
  const { state } = lc;
  const p = ZSubmitProposal.parse(raw); // validated before; parse again for the typed, trimmed value
  const cycle = lc.currentCycle();
  // Every determination is kept (审核办法 §4, §19); runs from before it replay without the record.
  if (lc.ports.patched('major-determination'))
    recordDetermination(lc, proposalDetermination(p, state.major || p.major));
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
    lc.setStage('legalReview', `第 ${round.round} 轮法制审核`);
    return { stage: state.stage, cycle: state.cycle, round: round.round };
  }
  cycle.proposalSubmittedAt = iso(p.submittedAt);
  lc.setStage('decision');
  return { stage: state.stage, cycle: state.cycle, round: null };
}
