import {
  lifecycleSignals,
  ZReviewMaterialsReceived,
  ZReviewMaterialsRequested,
  ZReviewOpinionIssued,
  type TReviewMaterialsReceived,
  type TReviewMaterialsRequested,
  type TReviewOpinionIssued,
} from '@sanxiang/shared/src/contracts';
import { lifecycleWorkflowId } from '@sanxiang/shared/src/domain';
import { reviewSubject } from '../../data-access/audit-repository';
import { enqueueOutbox } from '../../data-access/outbox-repository';
import type { TTransaction } from '../../data-access/transaction';

/** The outbox payload of a signal to a case's lifecycle workflow. */
export interface TSignalPayload {
  workflowId: string;
  signal: string;
  args: unknown;
}

type TSignal =
  | { name: 'reviewMaterialsRequested'; payload: TReviewMaterialsRequested }
  | { name: 'reviewMaterialsReceived'; payload: TReviewMaterialsReceived }
  | { name: 'reviewOpinionIssued'; payload: TReviewOpinionIssued };

const schemas = {
  reviewMaterialsRequested: ZReviewMaterialsRequested,
  reviewMaterialsReceived: ZReviewMaterialsReceived,
  reviewOpinionIssued: ZReviewOpinionIssued,
} as const;

/**
 * Queue a signal to the case's workflow in the transaction of the change it reports. The case's
 * signals share one ordering key, so "materials requested" is never overtaken by "received".
 * The payload is checked against the contract here: the workflow would drop a bad one silently.
 */
export async function queueWorkflowSignal(
  tx: TTransaction,
  caseNumber: string,
  reviewId: string,
  dedupeKey: string,
  signal: TSignal,
  now: Date,
): Promise<void> {
  const args = schemas[signal.name].parse(signal.payload);
  const payload: TSignalPayload = {
    workflowId: lifecycleWorkflowId(caseNumber),
    signal: lifecycleSignals[signal.name],
    args,
  };
  await enqueueOutbox(
    tx,
    {
      kind: 'workflowSignal',
      orderingKey: `signals:${caseNumber}`,
      dedupeKey,
      subject: reviewSubject(reviewId),
      payload: payload as unknown as Record<string, unknown>,
    },
    now,
  );
}
