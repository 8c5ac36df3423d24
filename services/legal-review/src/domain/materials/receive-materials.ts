import { AppError, type TIdempotentRequest } from '@sanxiang/shared';
import { ZSubmissionMaterial } from '@sanxiang/shared/src/contracts';
import { z } from 'zod';
import { reviewSubject, writeAudit } from '../../data-access/audit-repository';
import {
  createReviewMaterials,
  findMaterialRequest,
  updateMaterialRequest,
  updateReview,
} from '../../data-access/review-repository';
import { inTransaction } from '../../data-access/transaction';
import { assertCanRead, type TActor } from '../actor';
import type { TDomainDeps } from '../deps';
import { listMaterialKinds } from '../labels';
import { computeReviewDeadline } from '../review-deadline';
import { fromDateColumn, toDateColumn } from '@sanxiang/shared/src/calendar';
import { loadReviewForUpdate } from '../review/review-guards';
import { toMaterialRequest, ZMaterialRequest, type TMaterialRequestView } from '../review/review-views';
import { queueWorkflowSignal } from '../lifecycle/workflow-signals';
import { endMaterialsClock } from './materials-clock';

export const ZReceiveMaterialsBody = z.object({ materials: z.array(ZSubmissionMaterial).min(1).max(200) });
export type TReceiveMaterialsBody = z.infer<typeof ZReceiveMaterialsBody>;
export const ZReceiveMaterialsParams = z.object({ reviewId: z.uuid(), requestId: z.uuid() });
export { ZMaterialRequest };

/**
 * 补充材料提交: the handling unit answers a request (or the office records materials delivered
 * on paper). Every kind asked for must be among them. The 10 working days count again from this
 * receipt, as the workflow counts them; a receipt after the date set is marked late.
 */
export async function receiveMaterials(
  deps: TDomainDeps,
  actor: TActor,
  params: z.infer<typeof ZReceiveMaterialsParams>,
  body: TReceiveMaterialsBody,
  idempotency: TIdempotentRequest | undefined,
): Promise<TMaterialRequestView> {
  const calendar = await deps.calendar();
  const { value } = await inTransaction(
    deps.db,
    async (tx) => {
      const review = await loadReviewForUpdate(tx, params.reviewId);
      assertCanRead(actor, review);
      const request = await findMaterialRequest(tx, review.id, params.requestId);
      if (!request) throw new AppError('notFound', '补充材料要求不存在');
      if (request.receivedAt) throw new AppError('conflict', '该补充材料要求已经答复');
      const supplied = new Set(body.materials.map((m) => m.kind));
      const stillMissing = request.missing.filter((k) => !supplied.has(k));
      if (stillMissing.length > 0) {
        throw new AppError('validation', '以下字段不合法：送审材料', {
          fields: [{ path: 'body.materials', message: `尚缺：${listMaterialKinds(stillMissing)}` }],
        });
      }
      const now = deps.now();
      const late = now > request.dueAt;
      const deadline = computeReviewDeadline(calendar, now);
      await createReviewMaterials(
        tx,
        body.materials.map((m) => ({
          reviewId: review.id,
          kind: m.kind,
          documentId: m.documentId ?? null,
          title: m.title,
          addedAt: now,
          addedBy: actor.id,
          materialRequestId: request.id,
        })),
      );
      const answered = await updateMaterialRequest(tx, request.id, {
        receivedAt: now,
        receivedBy: actor.id,
        receivedByName: actor.name,
        late,
      });
      await updateReview(tx, review.id, {
        status: review.assigneeId ? 'inReview' : 'pending',
        clockStartAt: now,
        dueDate: toDateColumn(deadline.dueDate),
        dueAt: deadline.dueAt,
        remindAt: deadline.remindAt,
        dueProvisional: deadline.provisional,
        materialsDueAt: null,
        attentionAt: deadline.remindAt,
      });
      await queueWorkflowSignal(
        tx,
        review.caseNumber,
        review.id,
        `materials-received:${request.id}`,
        { name: 'reviewMaterialsReceived', payload: { round: review.round, receivedAt: now.toISOString() } },
        now,
      );
      await endMaterialsClock(tx, review.id, request.id, late ? '材料已逾期提交' : '材料已提交', now);
      await writeAudit(
        tx,
        actor,
        late ? 'review.materialsReceivedLate' : 'review.materialsReceived',
        reviewSubject(review.id),
        {
          requestId: request.id,
          materials: body.materials,
          materialsDueDate: fromDateColumn(request.dueDate),
          late,
          dueDate: deadline.dueDate,
          dueProvisional: deadline.provisional,
        },
        now,
      );
      return toMaterialRequest(answered);
    },
    idempotency,
  );
  deps.afterCommit();
  return value;
}
