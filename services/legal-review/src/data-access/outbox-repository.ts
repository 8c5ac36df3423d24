import type { OutboxKind, Prisma } from '../generated/prisma/client';
import type { TDb } from './prisma-client';
import type { TTx } from './transaction';

export interface TOutboxEntry {
  kind: OutboxKind;
  /** Messages with the same key are delivered one at a time, in the order they were written. */
  orderingKey: string;
  dedupeKey: string;
  /** The audit subject of the delivery, e.g. `review:<uuid>`. */
  subject: string;
  payload: Record<string, unknown>;
}

export interface TClaimedMessage {
  id: bigint;
  kind: OutboxKind;
  orderingKey: string;
  dedupeKey: string;
  subject: string;
  payload: unknown;
  attempts: number;
}

/** Queue a message in the transaction of the change it announces. */
export async function enqueueOutbox(tx: TTx, entry: TOutboxEntry, now: Date): Promise<void> {
  await tx.outboxMessage.create({
    data: {
      kind: entry.kind,
      orderingKey: entry.orderingKey,
      dedupeKey: entry.dedupeKey,
      subject: entry.subject,
      payload: entry.payload as Prisma.InputJsonValue,
      createdAt: now,
      nextAttemptAt: now,
    },
  });
}

/**
 * Lease up to `limit` deliverable messages: due, not leased by another dispatcher, and the oldest
 * undelivered one of their ordering key (so a failing signal holds back the later ones of its case).
 */
export async function claimOutbox(
  db: TDb,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<TClaimedMessage[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return db.$queryRaw<TClaimedMessage[]>`
    UPDATE "OutboxMessage" SET "lockedUntil" = ${leaseUntil}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT o."id" FROM "OutboxMessage" o
      WHERE o."deliveredAt" IS NULL
        AND o."nextAttemptAt" <= ${now}
        AND (o."lockedUntil" IS NULL OR o."lockedUntil" < ${now})
        AND NOT EXISTS (
          SELECT 1 FROM "OutboxMessage" p
          WHERE p."orderingKey" = o."orderingKey" AND p."id" < o."id" AND p."deliveredAt" IS NULL
        )
      ORDER BY o."nextAttemptAt", o."id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "kind", "orderingKey", "dedupeKey", "subject", "payload", "attempts"`;
}

/** Call in the transaction that also records the delivery in the audit trail. */
export async function markOutboxDelivered(tx: TTx, id: bigint, at: Date, result: unknown): Promise<void> {
  await tx.outboxMessage.update({
    where: { id },
    data: {
      deliveredAt: at,
      lockedUntil: null,
      lastError: null,
      result: (result ?? {}) as Prisma.InputJsonValue,
    },
  });
}

export async function markOutboxFailed(
  db: TDb,
  id: bigint,
  error: string,
  nextAttemptAt: Date,
): Promise<void> {
  await db.outboxMessage.update({
    where: { id },
    data: { lockedUntil: null, lastError: error.slice(0, 2000), nextAttemptAt },
  });
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
