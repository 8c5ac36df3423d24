import { reviewOutcomeLabel } from '@sanxiang/shared/src/domain';
import { ZReviewOpinionIssued } from '@sanxiang/shared/src/contracts';
import { clockIds } from '../../clocks';
import type { Lifecycle } from '../../lifecycle';
import { parseSignal } from '../../parse-messages';
import { iso } from '../../time';

/** The round's written opinion (审核意见): the review clock stops; the outcome decides the next stage. */
export function onReviewOpinionIssued(lc: Lifecycle, raw: unknown): void {
  const p = parseSignal(lc.ports.warn, ZReviewOpinionIssued, raw, 'reviewOpinionIssued');
  if (!p) return;
  const round = lc.openRound();
  if (!round || round.round !== p.round)
    return void lc.warn('Ignoring reviewOpinionIssued: not the open round', { round: p.round });
  Object.assign(round, {
    outcome: p.outcome,
    reasons: p.reasons,
    issuedAt: iso(p.issuedAt),
    reviewerId: p.reviewerId,
    opinionId: p.opinionId,
  });
  lc.clocks.close(clockIds.review(round.round));
  // Patched: the note (which reaches the case file through an activity) names the outcome in words.
  const outcomeText = lc.ports.patched('review-outcome-in-words') ? reviewOutcomeLabel[p.outcome] : p.outcome;
  const note = `第 ${round.round} 轮审核意见：${outcomeText}`;
  switch (p.outcome) {
    case 'approve': // 同意
      return lc.setStage('decision', note);
    case 'supplementInvestigation': // 补充调查
      return lc.setStage('investigation', note);
    case 'modify': // 变更
    case 'correct': // 纠正: the handler revises and resubmits, a new round
      return lc.setStage('proposal', note);
    case 'transfer': // 移送
      lc.state.closedReason = `移送：${p.reasons}`;
      return lc.setStage('transferred', note);
  }
}
