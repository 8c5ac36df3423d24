import type { TDatabase, TTransaction } from '@sanxiang/shared';
import { asTransaction, clientOf } from './prisma-client';

export type { TDatabase, TReader, TTransaction } from '@sanxiang/shared';

/** Run `work` in one transaction (a notification, its e-mail and its task commit together). */
export const inTransaction = <T>(db: TDatabase, work: (tx: TTransaction) => Promise<T>): Promise<T> =>
  clientOf(db).$transaction((tx) => work(asTransaction(tx)), { maxWait: 5_000, timeout: 15_000 });
