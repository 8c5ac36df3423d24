import type { TIdempotentRequest } from '@sanxiang/shared';
import { z } from 'zod';
import { reviewSubject, writeAudit } from '../../data-access/audit-repository';
import { createRecusal, findRecusal, updateReview } from '../../data-access/review-repository';
import { inTransaction } from '../../data-access/transaction';
import type { TActor } from '../actor';
import type { TDomainDeps } from '../deps';
import { loadReviewForUpdate } from '../review/review-guards';
import { toRecusal, ZRecusal } from '../review/review-views';
import { ZText } from '../schemas';

export const ZDeclareRecusalBody = z.object({
  /** The direct interest in the case (与案件有直接利害关系的情形). */
  reason: ZText(2000),
});
export type TDeclareRecusalBody = z.infer<typeof ZDeclareRecusalBody>;
export const ZDeclareRecusalResult = z.object({
  recusal: ZRecusal,
  created: z.boolean(),
  unassigned: z.boolean(),
});
export type TDeclareRecusalResult = z.infer<typeof ZDeclareRecusalResult>;

/**
 * 回避 (审核办法 §17): the caller declares a direct interest in the case. The declaration holds
 * for every round of the case; if the caller was assigned, the review goes back to the queue.
 * Declaring twice returns the first declaration.
 */
export async function declareRecusal(
  deps: TDomainDeps,
  actor: TActor,
  reviewId: string,
  body: TDeclareRecusalBody,
  idempotency: TIdempotentRequest | undefined,
): Promise<TDeclareRecusalResult> {
  const { value } = await inTransaction(
    deps.db,
    async (tx) => {
      const review = await loadReviewForUpdate(tx, reviewId);
      const existing = await findRecusal(tx, review.caseNumber, actor.id);
      if (existing) return { recusal: toRecusal(existing), created: false, unassigned: false };
      const now = deps.now();
      const recusal = await createRecusal(tx, {
        caseNumber: review.caseNumber,
        reviewId: review.id,
        reviewerId: actor.id,
        reviewerName: actor.name,
        reason: body.reason,
        declaredAt: now,
      });
      const unassigned = review.assigneeId === actor.id && review.status !== 'issued';
      if (unassigned) {
        await updateReview(tx, review.id, {
          assigneeId: null,
          assigneeName: null,
          assignedAt: null,
          ...(review.status === 'inReview' ? { status: 'pending' } : {}),
        });
      }
      await writeAudit(
        tx,
        actor,
        'review.recusalDeclared',
        reviewSubject(review.id),
        { recusalId: recusal.id, caseNumber: review.caseNumber, reason: body.reason, unassigned },
        now,
      );
      return { recusal: toRecusal(recusal), created: true, unassigned };
    },
    idempotency,
  );
  return value;
}
