import {
  runIdempotent,
  type TAnswer,
  type TDatabase,
  type TIdempotentAnswer,
  type TIdempotentRequest,
  type TTransaction,
} from '@sanxiang/shared';
import { asTransaction, clientOf, type TTx } from './prisma-client';

export type { TDatabase, TReader, TTransaction } from '@sanxiang/shared';

/** Runs `work` in one transaction (Prisma's default limits, as recording always used). */
export const inTransaction = <T>(db: TDatabase, work: (tx: TTransaction) => Promise<T>): Promise<T> =>
  clientOf(db).$transaction((tx) => work(asTransaction(tx)));

/**
 * Runs `work` in one transaction with the kit's idempotency store (packages/shared/src/kit/idempotency.ts):
 * a repeat of the request's Idempotency-Key returns the stored answer without acting again.
 */
export const inIdempotentTransaction = <A extends TAnswer>(
  db: TDatabase,
  idempotency: TIdempotentRequest | undefined,
  work: (tx: TTransaction) => Promise<A>,
): Promise<TIdempotentAnswer<A>> =>
  runIdempotent(clientOf(db), idempotency, (tx: TTx) => work(asTransaction(tx)));
