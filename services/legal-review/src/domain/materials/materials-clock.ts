import {
  dutyClockSignals,
  dutyClockWorkflowId,
  dutyClockWorkflowType,
  type TDutyClockInput,
  type TDutyDone,
} from '@sanxiang/shared/src/contracts';
import type { TSubmissionMaterialKind } from '@sanxiang/shared/src/domain';
import { reviewSubject } from '../../data-access/audit-repository';
import { enqueueOutbox } from '../../data-access/outbox-repository';
import type { TTransaction } from '../../data-access/transaction';
import type { TOutgoingDutyClock } from '../../data-access/workflow-signaller';
import { listMaterialKinds } from '../labels';

interface TReviewRef {
  id: string;
  caseNumber: string;
  workflowId: string;
  round: number;
  cycle: number;
  handlerIds: string[];
}
interface TRequestRef {
  id: string;
  seq: number;
  missing: readonly TSubmissionMaterialKind[];
}

/** One materials clock per request: `duty-clock:reviewMaterials:<request id>`. */
export const materialsClockId = (requestId: string) => dutyClockWorkflowId('reviewMaterials', requestId);

async function queue(
  tx: TTransaction,
  reviewId: string,
  dedupeKey: string,
  m: TOutgoingDutyClock,
  now: Date,
) {
  await enqueueOutbox(
    tx,
    {
      kind: 'dutyClock',
      // The start is delivered before the done of the same request.
      orderingKey: m.workflowId,
      dedupeKey,
      subject: reviewSubject(reviewId),
      payload: m as unknown as Record<string, unknown>,
    },
    now,
  );
}

/**
 * 补充材料期限 (审核办法 §8, the clock table's `reviewMaterials` row): a `dutyClockWorkflow` run,
 * started in the transaction of the request (the kit's outbox). Past the end of the date set it
 * tells the case officers (the round's handlers) and their unit head by name and keeps the
 * escalation in the case file under the case's legal-review clock, once.
 */
export async function startMaterialsClock(
  tx: TTransaction,
  taskQueue: string,
  review: TReviewRef,
  request: TRequestRef,
  dueDate: string,
  now: Date,
): Promise<void> {
  const input: TDutyClockInput = {
    kind: 'reviewMaterials',
    subjectId: request.id,
    title: `第 ${review.round} 轮法制审核要求补充的材料（${listMaterialKinds(request.missing)}）`,
    link: `/reviews/${review.id}`,
    caseNumber: review.caseNumber,
    dueDate,
    assigneeIds: review.handlerIds,
    caseFile: {
      workflowId: review.workflowId,
      clockId: `legalReviewMaterials:${review.round}:${request.seq}`,
      clock: 'legalReview',
      round: review.round,
      cycle: review.cycle,
    },
  };
  await queue(
    tx,
    review.id,
    `materials-clock-start:${request.id}`,
    {
      op: 'start',
      workflowId: materialsClockId(request.id),
      workflowType: dutyClockWorkflowType,
      taskQueue,
      args: [input],
    },
    now,
  );
}

/** The materials arrived (or the request was otherwise closed): the clock stops. */
export async function endMaterialsClock(
  tx: TTransaction,
  reviewId: string,
  requestId: string,
  outcome: string,
  now: Date,
): Promise<void> {
  const payload: TDutyDone = { subjectId: requestId, doneAt: now.toISOString(), outcome };
  await queue(
    tx,
    reviewId,
    `materials-clock-done:${requestId}`,
    { op: 'done', workflowId: materialsClockId(requestId), signal: dutyClockSignals.dutyDone, payload },
    now,
  );
}
