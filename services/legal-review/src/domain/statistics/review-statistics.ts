import { AppError, type TReader } from '@sanxiang/shared';
import {
  reviewOutcomeKeys,
  statisticsPeriodRange,
  type TLegalReviewStatistics,
} from '@sanxiang/shared/src/contracts';
import { readStatisticsRows } from '../../data-access/statistics-repository';

/**
 * legal-review's figures of a period (统计年报, monthly figures): submissions received, major
 * decisions reviewed (cases with an opinion issued in the period), opinions by kind (审核办法 §12)
 * and opinions issued after the round's 10-working-day due instant (审核办法 §9).
 */
export async function computeReviewStatistics(db: TReader, period: string): Promise<TLegalReviewStatistics> {
  const range = statisticsPeriodRange(period);
  if (!range) throw new AppError('validation', `无法识别的统计期间 ${period}`);
  const { reviewsReceived, opinions } = await readStatisticsRows(db, range.instants);
  const opinionsByKind = Object.fromEntries(reviewOutcomeKeys.map((k) => [k, 0])) as Record<
    (typeof reviewOutcomeKeys)[number],
    number
  >;
  for (const o of opinions) opinionsByKind[o.outcome] += 1;
  return {
    period,
    reviewsReceived,
    casesReviewed: new Set(opinions.map((o) => o.caseNumber)).size,
    opinionsIssued: opinions.length,
    opinionsIssuedLate: opinions.filter((o) => o.issuedAt > o.review.dueAt).length,
    opinionsByKind,
  };
}
