import { runIdempotent, type TDatabase, type TIdempotentRequest, type TTransaction } from '@sanxiang/shared';
import type { Prisma } from '../generated/prisma/client';
import { asTransaction, clientOf, prismaOf } from './prisma-client';

export type { TDatabase, TReader, TTransaction } from '@sanxiang/shared';

const options = { maxWait: 5_000, timeout: 15_000 } as const;

/**
 * One transaction; with an Idempotency-Key (routes declared `idempotent: true`) the answer is
 * stored by the kit's store in the same transaction and a repeat gets it back without acting again.
 * `work` returns plain JSON (ISO strings, not Dates) so that a replay equals the first answer.
 */
export async function inTransaction<T>(
  db: TDatabase,
  idempotency: TIdempotentRequest | undefined,
  work: (tx: TTransaction) => Promise<{ status: number; body: T }>,
): Promise<{ status: number; body: T }> {
  const answer = await runIdempotent(
    clientOf(db),
    idempotency,
    (tx: Prisma.TransactionClient) => work(asTransaction(tx)),
    options,
  );
  return { status: answer.status, body: answer.body as T };
}

/** Serialise writers of one task: a draw, a result's check, approval, clock or publication. */
export async function lockTask(tx: TTransaction, taskId: string): Promise<void> {
  await prismaOf(tx).$queryRaw`SELECT 1 FROM "InspectionTask" WHERE "id" = ${taskId}::uuid FOR UPDATE`;
}
