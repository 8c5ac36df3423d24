import { enqueueOutbox as enqueue } from '@sanxiang/shared';
import type { TDb } from './prisma-client';
import type { TTx } from './transaction';

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
export async function enqueueOutbox(tx: TTx, entry: TOutboxEntry, now: Date): Promise<void> {
  await enqueue(tx, entry, now);
}

/** Delivery state of messages by dedupe key (e.g. the opinion's filing), one query. */
export async function findOutboxByDedupeKeys(db: TDb | TTx, dedupeKeys: string[]) {
  if (dedupeKeys.length === 0) return [];
  return db.outboxMessage.findMany({
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
