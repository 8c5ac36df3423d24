import { AppError } from '@sanxiang/shared';
import type { Review } from '../../data-access/rows';
import { findRecusal, findReview } from '../../data-access/review-repository';
import { lockReview, type TTransaction } from '../../data-access/transaction';
import { isHead, type TActor } from '../actor';

/** Lock the review row for this transaction and read it; 404 when it does not exist. */
export async function loadReviewForUpdate(tx: TTransaction, reviewId: string): Promise<Review> {
  await lockReview(tx, reviewId);
  const review = await findReview(tx, reviewId);
  if (!review) throw new AppError('notFound', '审核事项不存在');
  return review;
}

export function assertNotIssued(review: Review, what: string): void {
  if (review.status === 'issued') {
    throw new AppError('conflict', `第 ${review.round} 轮审核已出具审核意见，不能再${what}`);
  }
}

/** 审核办法 §17: a reviewer who declared an interest in the case takes no part in its review. */
export async function assertNotRecused(tx: TTransaction, review: Review, actor: TActor): Promise<void> {
  const recusal = await findRecusal(tx, review.caseNumber, actor.id);
  if (recusal) {
    throw new AppError('conflict', `你已就本案声明回避（${recusal.reason}），不能参与本案审核`, {
      extra: { reason: 'recused', recusalId: recusal.id },
    });
  }
}

/** Work on a review is done by its assigned reviewer; the office head may act on any review. */
export function assertAssigneeOrHead(review: Review, actor: TActor, what: string): void {
  if (review.assigneeId === actor.id || isHead(actor)) return;
  throw new AppError('forbidden', `仅承办本审核的审核人员或负责人可以${what}`);
}

export function assertAssignee(review: Review, actor: TActor, what: string): void {
  if (review.assigneeId === actor.id) return;
  throw new AppError(
    'forbidden',
    review.assigneeId
      ? `仅承办本审核的审核人员（${review.assigneeName}）可以${what}`
      : `本审核尚未分配，请先分配后再${what}`,
  );
}

export const systemActor: TActor = { id: 'system:legal-review', name: '法制审核服务', roles: ['system'] };
