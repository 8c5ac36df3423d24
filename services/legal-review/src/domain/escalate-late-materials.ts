import { ZEscalationRequest, type TEscalationRequest } from '@sanxiang/shared/src/contracts';
import { reviewSubject, writeAudit } from '../data-access/audit-repository';
import { enqueueOutbox } from '../data-access/outbox-repository';
import { inTransaction, lockReview } from '../data-access/transaction';
import type { TDomainDeps } from './deps';
import { listMaterialKinds } from './labels';
import { fromDateColumn } from './review-deadline';
import { systemActor } from './review/review-guards';

/** The outbox payload of an escalation kept in the case file (recording service). */
export interface TEscalationPayload {
  caseNumber: string;
  idempotencyKey: string;
  body: TEscalationRequest;
}

/**
 * 补充材料逾期: materials requested by a date that has passed without them. The workflow's review
 * clock is paused while they are awaited, so it does not escalate this itself; the office does,
 * once per request: an escalation to the handling unit's head, kept in the case file through the
 * same recording endpoint the workflow's escalations use, and the review shows as materialsLate
 * on the overdue list. Returns how many requests were escalated.
 */
export async function escalateLateMaterials(deps: TDomainDeps, batch = 100): Promise<number> {
  const now = deps.now();
  const late = await deps.db.materialRequest.findMany({
    where: { receivedAt: null, escalatedAt: null, dueAt: { lt: now } },
    orderBy: { dueAt: 'asc' },
    take: batch,
    select: { id: true, reviewId: true },
  });
  let escalated = 0;
  for (const candidate of late) {
    const { value: done } = await inTransaction(deps.db, async (tx) => {
      await lockReview(tx, candidate.reviewId);
      const request = await tx.materialRequest.findUnique({
        where: { id: candidate.id },
        include: { review: true },
      });
      // Answered or escalated meanwhile: nothing to do.
      if (!request || request.receivedAt || request.escalatedAt) return false;
      const { review } = request;
      const dueDate = fromDateColumn(request.dueDate);
      const body = ZEscalationRequest.parse({
        workflowId: review.workflowId,
        clockId: `legalReviewMaterials:${review.round}:${request.seq}`,
        clock: 'legalReview',
        level: 1,
        notified: { audience: 'unitHead', roles: ['head'], userIds: [] },
        reason: `第 ${review.round} 轮法制审核要求补充的材料（${listMaterialKinds(request.missing)}）应于 ${dueDate} 前提交，已逾期未提交；审核期限暂停计算，直至材料提交`,
        dueAt: request.dueAt.toISOString(),
        at: request.dueAt.toISOString(),
        round: review.round,
        cycle: review.cycle,
      });
      const payload: TEscalationPayload = {
        caseNumber: review.caseNumber,
        // Header values must be ASCII; case numbers are not (〔〕, 号).
        idempotencyKey: `${review.workflowId}:materials-late:${review.round}:${request.seq}`,
        body,
      };
      await tx.materialRequest.update({ where: { id: request.id }, data: { escalatedAt: now } });
      await enqueueOutbox(
        tx,
        {
          kind: 'recordingEscalation',
          orderingKey: `materials-late:${request.id}`,
          dedupeKey: `materials-late:${request.id}`,
          subject: reviewSubject(review.id),
          payload: payload as unknown as Record<string, unknown>,
        },
        now,
      );
      await writeAudit(
        tx,
        systemActor,
        'review.materialsLateEscalated',
        reviewSubject(review.id),
        { requestId: request.id, dueDate, missing: request.missing },
        now,
      );
      return true;
    });
    if (done) escalated += 1;
  }
  if (escalated > 0) deps.afterCommit();
  return escalated;
}
