import { AppError, type TIdempotentRequest } from '@sanxiang/shared';
import { z } from 'zod';
import { reviewSubject, writeAudit } from '../../data-access/audit-repository';
import {
  createDisagreement,
  findDisagreement,
  findOpenDisagreement,
  findOpinionOfReview,
  updateDisagreement,
} from '../../data-access/review-repository';
import { inTransaction } from '../../data-access/transaction';
import { assertCanRead, type TActor } from '../actor';
import type { TDomainDeps } from '../deps';
import { loadReviewForUpdate } from '../review/review-guards';
import { toDisagreement, ZDisagreement, type TDisagreementView } from '../review/review-views';
import { ZText } from '../schemas';

export const ZRaiseDisagreementBody = z.object({
  /** The handling unit's objection to the opinion (异议). */
  objection: ZText(4000),
});
export type TRaiseDisagreementBody = z.infer<typeof ZRaiseDisagreementBody>;

export const ZResolveDisagreementBody = z.object({
  outcome: z.enum(['opinionUpheld', 'resubmissionAgreed']),
  /** What the two offices agreed (协商一致意见). */
  agreement: ZText(4000),
});
export type TResolveDisagreementBody = z.infer<typeof ZResolveDisagreementBody>;
export const ZDisagreementParams = z.object({ reviewId: z.uuid(), disagreementId: z.uuid() });
export { ZDisagreement };

/**
 * 异议 (审核办法 §14): the handling unit disagrees with an issued opinion. The opinion itself never
 * changes; the objection and, later, the negotiated outcome are recorded beside it. If they agree
 * the proposal is to be revised, it comes back as a new round.
 */
export async function raiseDisagreement(
  deps: TDomainDeps,
  actor: TActor,
  reviewId: string,
  body: TRaiseDisagreementBody,
  idempotency: TIdempotentRequest | undefined,
): Promise<TDisagreementView> {
  const { value } = await inTransaction(
    deps.db,
    async (tx) => {
      const review = await loadReviewForUpdate(tx, reviewId);
      assertCanRead(actor, review);
      const opinion = await findOpinionOfReview(tx, reviewId);
      if (!opinion) throw new AppError('conflict', '本轮尚未出具审核意见，无从提出异议');
      const open = await findOpenDisagreement(tx, reviewId);
      if (open) throw new AppError('conflict', '已有尚未协商完毕的异议，请先记录协商结果');
      const now = deps.now();
      const disagreement = await createDisagreement(tx, {
        reviewId,
        opinionId: opinion.id,
        objection: body.objection,
        raisedBy: actor.id,
        raisedByName: actor.name,
        raisedAt: now,
      });
      await writeAudit(
        tx,
        actor,
        'review.disagreementRaised',
        reviewSubject(reviewId),
        { disagreementId: disagreement.id, opinionId: opinion.id, objection: body.objection },
        now,
      );
      return toDisagreement(disagreement);
    },
    idempotency,
  );
  return value;
}

/** 协商结果: the office records how the negotiation ended. Recorded once. */
export async function resolveDisagreement(
  deps: TDomainDeps,
  actor: TActor,
  params: z.infer<typeof ZDisagreementParams>,
  body: TResolveDisagreementBody,
): Promise<TDisagreementView> {
  const { value } = await inTransaction(deps.db, async (tx) => {
    await loadReviewForUpdate(tx, params.reviewId);
    const disagreement = await findDisagreement(tx, params.reviewId, params.disagreementId);
    if (!disagreement) throw new AppError('notFound', '异议记录不存在');
    if (disagreement.resolvedAt) throw new AppError('conflict', '该异议的协商结果已经记录');
    const now = deps.now();
    const resolved = await updateDisagreement(tx, disagreement.id, {
      outcome: body.outcome,
      agreement: body.agreement,
      resolvedBy: actor.id,
      resolvedByName: actor.name,
      resolvedAt: now,
    });
    await writeAudit(
      tx,
      actor,
      'review.disagreementResolved',
      reviewSubject(params.reviewId),
      { disagreementId: disagreement.id, outcome: body.outcome, agreement: body.agreement },
      now,
    );
    return toDisagreement(resolved);
  });
  return value;
}
