import type { TWorkingDayCounter } from '@sanxiang/shared/src/clocks';
import type { TCaseOfficer, TMajorCriterion } from '@sanxiang/shared/src/domain';
import { findOutboxByDedupeKeys } from '../../data-access/outbox-repository';
import type { TReader } from '../../data-access/transaction';
import { missingMaterialKinds } from '../materials/material-completeness';
import { opinionFilingKey, toFilingView, toOpinionView } from '../opinion/opinion-document';
import {
  reviewToQueueRow,
  toConsultation,
  toDisagreement,
  toFinding,
  toMaterial,
  toMaterialRequest,
  toQueueItem,
  toRecusal,
  type TReviewDetail,
  type TReviewWithRelations,
} from './review-views';

/**
 * A review as its reader may see it. Handlers (执法人员 on the case) see status, deadlines,
 * materials, material requests, the issued opinion and disagreements; the office's working papers
 * (draft findings, recusals, expert consultations) stay with the office.
 */
export async function toReviewDetails(
  db: TReader,
  reviews: TReviewWithRelations[],
  view: 'office' | 'handler',
  now: Date,
  count: TWorkingDayCounter,
): Promise<TReviewDetail[]> {
  // One lookup for the case-file copies of all opinions on the page.
  const filings = await findOutboxByDedupeKeys(
    db,
    reviews.flatMap((r) => (r.opinion ? [opinionFilingKey(r.opinion.id)] : [])),
  );
  const filingByKey = new Map(filings.map((f) => [f.dedupeKey, f]));
  return reviews.map((review) => {
    const opinion = review.opinion
      ? toOpinionView(review.opinion, toFilingView(filingByKey.get(opinionFilingKey(review.opinion.id))))
      : null;
    const detail: TReviewDetail = {
      ...toQueueItem(reviewToQueueRow(review), now, count),
      workflowId: review.workflowId,
      submittedBy: review.submittedBy,
      submittedAt: review.submittedAt.toISOString(),
      officers: review.officers as TCaseOfficer[],
      hearingOrAssessmentHeld: review.hearingOrAssessmentHeld,
      majorCriteria: review.majorCriteria as TMajorCriterion[],
      summary: review.summary,
      previousReviewId: review.previousReviewId,
      materials: review.materials.map(toMaterial),
      missingMaterials: missingMaterialKinds(review.hearingOrAssessmentHeld, review.materials),
      materialRequests: review.materialRequests.map(toMaterialRequest),
      opinion,
      disagreements: review.disagreements.map(toDisagreement),
    };
    if (view === 'office') {
      detail.findings = review.findings.map(toFinding);
      detail.recusals = review.recusals.map(toRecusal);
      detail.consultations = review.consultations.map(toConsultation);
    }
    return detail;
  });
}
