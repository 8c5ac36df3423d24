import { AppError, type TIdempotentRequest } from '@sanxiang/shared';
import { dateInShanghai, endOfDayInstant, toDateColumn } from '@sanxiang/shared/src/calendar';
import { ZIsoDate, ZSubmissionMaterialKind } from '@sanxiang/shared/src/domain';
import { z } from 'zod';
import { reviewSubject, writeAudit } from '../../data-access/audit-repository';
import {
  countMaterialRequests,
  createMaterialRequest,
  updateReview,
} from '../../data-access/review-repository';
import { inTransaction } from '../../data-access/transaction';
import type { TActor } from '../actor';
import type { TDomainDeps } from '../deps';
import {
  assertAssigneeOrHead,
  assertNotIssued,
  assertNotRecused,
  loadReviewForUpdate,
} from '../review/review-guards';
import { toMaterialRequest, ZMaterialRequest, type TMaterialRequestView } from '../review/review-views';
import { queueWorkflowSignal } from '../lifecycle/workflow-signals';
import { startMaterialsClock } from './materials-clock';

export const ZRequestMaterialsBody = z.object({
  missing: z
    .array(ZSubmissionMaterialKind)
    .min(1)
    .max(6)
    .refine((kinds) => new Set(kinds).size === kinds.length, '每种材料只能列一次'),
  /** The date by which the handling unit must supply them (指定时间, 审核办法 §8). */
  dueDate: ZIsoDate,
  note: z.string().trim().max(2000).optional(),
});
export type TRequestMaterialsBody = z.infer<typeof ZRequestMaterialsBody>;
export { ZMaterialRequest };

/**
 * 要求补充材料 (审核办法 §8): the office names the missing materials and a date. The review's
 * 10-working-day clock stops (the workflow is signalled in the same commit, via the outbox) until
 * the materials arrive; past the date the review shows as materialsLate and the materials clock
 * (a dutyClockWorkflow run, started in the same commit) escalates it to named people and the case file.
 */
export async function requestMaterials(
  deps: TDomainDeps,
  actor: TActor,
  reviewId: string,
  body: TRequestMaterialsBody,
  idempotency: TIdempotentRequest | undefined,
): Promise<TMaterialRequestView> {
  const today = dateInShanghai(deps.now());
  if (body.dueDate < today) {
    throw new AppError('validation', '以下字段不合法：补充材料的提交期限', {
      fields: [{ path: 'body.dueDate', message: `补充材料的提交期限不得早于今天（${today}）` }],
    });
  }
  const { value } = await inTransaction(
    deps.db,
    async (tx) => {
      const review = await loadReviewForUpdate(tx, reviewId);
      assertNotIssued(review, '要求补充材料');
      await assertNotRecused(tx, review, actor);
      assertAssigneeOrHead(review, actor, '要求补充材料');
      if (review.status === 'awaitingMaterials') {
        throw new AppError('conflict', '已有尚未答复的补充材料要求，请待材料提交后再提出新的要求');
      }
      const now = deps.now();
      const dueAt = new Date(endOfDayInstant(body.dueDate));
      const seq = (await countMaterialRequests(tx, review.id)) + 1;
      const request = await createMaterialRequest(tx, {
        reviewId: review.id,
        seq,
        missing: body.missing,
        note: body.note ?? null,
        requestedAt: now,
        requestedBy: actor.id,
        requestedByName: actor.name,
        dueDate: toDateColumn(body.dueDate),
        dueAt,
      });
      await updateReview(tx, review.id, {
        status: 'awaitingMaterials',
        materialsDueAt: dueAt,
        attentionAt: dueAt,
      });
      await queueWorkflowSignal(
        tx,
        review.caseNumber,
        review.id,
        `materials-requested:${request.id}`,
        {
          name: 'reviewMaterialsRequested',
          payload: {
            round: review.round,
            requestedAt: now.toISOString(),
            dueDate: body.dueDate,
            missing: body.missing,
            ...(body.note ? { note: body.note } : {}),
          },
        },
        now,
      );
      await startMaterialsClock(tx, deps.taskQueue, review, request, body.dueDate, now);
      await writeAudit(
        tx,
        actor,
        'review.materialsRequested',
        reviewSubject(review.id),
        { requestId: request.id, seq, missing: body.missing, dueDate: body.dueDate, note: body.note ?? null },
        now,
      );
      return toMaterialRequest(request);
    },
    idempotency,
  );
  deps.afterCommit();
  return value;
}
