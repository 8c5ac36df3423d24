import { enqueueOutbox as enqueue, type TReader, type TTransaction } from '@sanxiang/shared';
import { outboxRelay, prismaOf } from './prisma-client';

/** The kit's relay over this service's database (packages/shared/src/kit/outbox.ts). */
export const createOutboxRelay = outboxRelay;

/** What legal-review sends (one handler each in domain/lifecycle/deliver-outbox.ts). */
export type TOutboxKind = 'workflowSignal' | 'recordingRecord' | 'recordingEscalation' | 'dutyClock';

export interface TOutboxEntry {
  kind: TOutboxKind;
  /** Messages with the same key are delivered one at a time, in the order they were written. */
  orderingKey: string;
  dedupeKey: string;
  /** The audit subject of the delivery, e.g. `review:<uuid>`. */
  subject: string;
  payload: Record<string, unknown>;
}

/** Queue a message in the transaction of the change it announces (the kit's outbox). */
export async function enqueueOutbox(tx: TTransaction, entry: TOutboxEntry, now: Date): Promise<void> {
  await enqueue(prismaOf(tx), entry, now);
}

/** Delivery state of messages by dedupe key (e.g. the opinion's filing), one query. */
export async function findOutboxByDedupeKeys(db: TReader, dedupeKeys: string[]) {
  if (dedupeKeys.length === 0) return [];
  return prismaOf(db).outboxMessage.findMany({
    where: { dedupeKey: { in: dedupeKeys } },
    select: {
      dedupeKey: true,
      deliveredAt: true,
      attempts: true,
      lastError: true,
      result: true,
      nextAttemptAt: true,
    },
  });
}
