import { createHash } from 'node:crypto';
import { idempotencyKeyReused } from '@sanxiang/shared';
import { Prisma } from '../generated/prisma/client';
import type { TDb } from './prisma-client';

export type TTx = Prisma.TransactionClient;

/** An optional Idempotency-Key and what it is bound to (who sent which request to which route). */
export interface TIdempotency {
  scope: string;
  key: string | undefined;
  principalId: string;
  request: unknown;
}

export interface TTransactionResult<T> {
  value: T;
  /** The answer was replayed from an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

export const isUniqueViolation = (err: unknown): boolean =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

const hashRequest = (request: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(request ?? null))
    .digest('hex');

const transactionOptions = { maxWait: 5_000, timeout: 15_000 } as const;

/**
 * Run `work` in one transaction. With an Idempotency-Key, the answer is stored in the same
 * transaction, and a repeat of the key returns it without acting again. `work` must return plain
 * JSON (ISO strings, not Dates) so a replay is identical to the first answer.
 *
 * A unique violation (two requests racing for the same natural key or Idempotency-Key) rolls back
 * and runs once more: the second run sees the winner's row and answers from it.
 */
export async function inTransaction<T>(
  db: TDb,
  work: (tx: TTx) => Promise<T>,
  idempotency?: TIdempotency,
): Promise<TTransactionResult<T>> {
  const key = idempotency?.key;
  const requestHash = idempotency ? hashRequest(idempotency.request) : '';
  const attempt = async (): Promise<TTransactionResult<T>> => {
    if (idempotency && key) {
      const stored = await db.idempotencyRecord.findUnique({
        where: { scope_key: { scope: idempotency.scope, key } },
      });
      if (stored) {
        if (stored.principalId !== idempotency.principalId || stored.requestHash !== requestHash) {
          throw idempotencyKeyReused();
        }
        return { value: stored.response as T, replayed: true };
      }
    }
    const value = await db.$transaction(async (tx) => {
      const result = await work(tx);
      if (idempotency && key) {
        await tx.idempotencyRecord.create({
          data: {
            scope: idempotency.scope,
            key,
            principalId: idempotency.principalId,
            requestHash,
            response: result as Prisma.InputJsonValue,
          },
        });
      }
      return result;
    }, transactionOptions);
    return { value, replayed: false };
  };
  try {
    return await attempt();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return attempt();
  }
}

/** Serialise writers of one review: every state change locks the review row first. */
export async function lockReview(tx: TTx, reviewId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Review" WHERE "id" = ${reviewId}::uuid FOR UPDATE`;
}
