import { runIdempotent, type TDatabase, type TIdempotentRequest, type TTransaction } from '@sanxiang/shared';
import { Prisma } from '../generated/prisma/client';
import { asTransaction, clientOf, prismaOf } from './prisma-client';

export type { TDatabase, TReader, TTransaction } from '@sanxiang/shared';

export interface TTransactionResult<T> {
  value: T;
  /** The answer was replayed from an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

export const isUniqueViolation = (err: unknown): boolean =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

const transactionOptions = { maxWait: 5_000, timeout: 15_000 } as const;

/**
 * Run `work` in one transaction. With an Idempotency-Key, the answer is stored in the same
 * transaction by the kit's store (packages/shared/src/kit/idempotency.ts), and a repeat of the key
 * returns it without acting again. `work` must return plain JSON (ISO strings, not Dates) so a
 * replay is identical to the first answer.
 *
 * A unique violation (two requests racing for the same natural key) rolls back and runs once more:
 * the second run sees the winner's row and answers from it.
 */
export async function inTransaction<T>(
  db: TDatabase,
  work: (tx: TTransaction) => Promise<T>,
  /** The route's Idempotency-Key (`idempotent: true` in `Api.route`), if the request has one. */
  idempotency?: TIdempotentRequest,
): Promise<TTransactionResult<T>> {
  const attempt = async (): Promise<TTransactionResult<T>> => {
    const answer = await runIdempotent(
      clientOf(db),
      idempotency,
      async (tx: Prisma.TransactionClient) => ({ status: 200, body: await work(asTransaction(tx)) }),
      transactionOptions,
    );
    return { value: answer.body as T, replayed: answer.replayed };
  };
  try {
    return await attempt();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return attempt();
  }
}

/** Serialise writers of one review: every state change locks the review row first. */
export async function lockReview(tx: TTransaction, reviewId: string): Promise<void> {
  await prismaOf(tx).$queryRaw`SELECT 1 FROM "Review" WHERE "id" = ${reviewId}::uuid FOR UPDATE`;
}
