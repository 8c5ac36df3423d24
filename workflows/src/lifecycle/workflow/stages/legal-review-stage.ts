import { startReviewClock } from '../handlers/legal-review/start-review-clock';
import type { Lifecycle } from '../lifecycle';
import { iso } from '../time';

/**
 * Stage `legalReview` (法制审核): hands the round's proposal to the legal-review service (intake),
 * starts the round's 10-working-day clock from the receipt it reports, and waits for the opinion.
 */
export async function legalReviewStage(lc: Lifecycle): Promise<void> {
  const round = lc.currentRound();
  if (!round) throw new Error('legalReview without a round'); // invariant: submitProposal pushes it
  const proposal = round.pendingIntake;
  if (proposal) {
    const res = await lc.ports.services.submitLegalReview({
      idempotencyKey: lc.key(`review-intake:${round.round}`),
      request: {
        caseNumber: lc.caseNumber,
        workflowId: lc.workflowId,
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
  await startReviewClock(lc, round);
  await lc.awaitStageChange('legalReview');
}
