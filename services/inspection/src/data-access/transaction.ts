import { runIdempotent, type TIdempotentRequest } from '@sanxiang/shared';
import type { Prisma } from '../generated/prisma/client';
import type { TDb } from './prisma-client';

export type TTx = Prisma.TransactionClient;

const options = { maxWait: 5_000, timeout: 15_000 } as const;

/**
 * One transaction; with an Idempotency-Key (routes declared `idempotent: true`) the answer is
 * stored by the kit's store in the same transaction and a repeat gets it back without acting again.
 * `work` returns plain JSON (ISO strings, not Dates) so that a replay equals the first answer.
 */
export async function inTransaction<T>(
  db: TDb,
  idempotency: TIdempotentRequest | undefined,
  work: (tx: TTx) => Promise<{ status: number; body: T }>,
): Promise<{ status: number; body: T }> {
  const answer = await runIdempotent(db, idempotency, work, options);
  return { status: answer.status, body: answer.body as T };
}
