import { countWithCalendar } from '@sanxiang/shared/src/clocks';
import { AppError, type TIdempotentRequest } from '@sanxiang/shared';
import { z } from 'zod';
import { reviewSubject, writeAudit } from '../../data-access/audit-repository';
import { findRecusal, findReviewHandlers, updateReview } from '../../data-access/review-repository';
import { inTransaction } from '../../data-access/transaction';
import { isHead, type TActor } from '../actor';
import type { TDomainDeps } from '../deps';
import { assertNotIssued, loadReviewForUpdate } from '../review/review-guards';
import { assertNotHandler, assertReviewerIndependent } from '../review/separation-of-duties';
import { reviewToQueueRow, toQueueItem, type TQueueItem } from '../review/review-views';
import { ZId, ZName } from '../schemas';

export const ZAssignReviewerBody = z.object({ reviewerId: ZId, reviewerName: ZName });
export type TAssignReviewerBody = z.infer<typeof ZAssignReviewerBody>;

/**
 * 分配审核人员. The office head assigns anyone; a reviewer may take an unassigned review for
 * themselves. A reviewer who declared an interest in the case (回避) cannot be assigned.
 */
export async function assignReviewer(
  deps: TDomainDeps,
  actor: TActor,
  reviewId: string,
  body: TAssignReviewerBody,
  idempotency: TIdempotentRequest | undefined,
): Promise<TQueueItem> {
  if (!isHead(actor) && body.reviewerId !== actor.id) {
    throw new AppError('forbidden', '审核人员只能领取给自己；分配给他人须由负责人操作');
  }
  const count = countWithCalendar(await deps.calendar());
  const target = await findReviewHandlers(deps.db, reviewId);
  if (!target) throw new AppError('notFound', '审核事项不存在');
  const reviewer = { id: body.reviewerId, name: body.reviewerName };
  await assertReviewerIndependent(deps, target, reviewer);
  const { value } = await inTransaction(
    deps.db,
    async (tx) => {
      const review = await loadReviewForUpdate(tx, reviewId);
      assertNotIssued(review, '分配审核人员');
      assertNotHandler(review, reviewer);
      if (!isHead(actor) && review.assigneeId && review.assigneeId !== actor.id) {
        throw new AppError('conflict', `本审核已由 ${review.assigneeName} 承办，改派须由负责人操作`);
      }
      const recusal = await findRecusal(tx, review.caseNumber, body.reviewerId);
      if (recusal) {
        throw new AppError('conflict', `${recusal.reviewerName} 已就本案声明回避，不能分配其审核本案`, {
          extra: { reason: 'recused', recusalId: recusal.id },
        });
      }
      if (review.assigneeId === body.reviewerId)
        return toQueueItem(reviewToQueueRow(review), deps.now(), count);
      const now = deps.now();
      const updated = await updateReview(tx, review.id, {
        assigneeId: body.reviewerId,
        assigneeName: body.reviewerName,
        assignedAt: now,
        ...(review.status === 'pending' ? { status: 'inReview' } : {}),
      });
      await writeAudit(
        tx,
        actor,
        'review.assigned',
        reviewSubject(review.id),
        {
          from: review.assigneeId ? { id: review.assigneeId, name: review.assigneeName } : null,
          to: { id: body.reviewerId, name: body.reviewerName },
        },
        now,
      );
      return toQueueItem(reviewToQueueRow(updated), now, count);
    },
    idempotency,
  );
  return value;
}
