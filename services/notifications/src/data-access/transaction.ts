import type { Prisma } from '../generated/prisma/client';
import type { TDb } from './prisma-client';

export type TTx = Prisma.TransactionClient;

/** Run `work` in one transaction (a notification, its e-mail and its task commit together). */
export const inTransaction = <T>(db: TDb, work: (tx: TTx) => Promise<T>): Promise<T> =>
  db.$transaction(work, { maxWait: 5_000, timeout: 15_000 });
