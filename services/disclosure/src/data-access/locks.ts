import type { TTransaction } from '@sanxiang/shared';
import { prismaOf } from './prisma-client';

/** Serialises everything done under one natural key until the transaction ends. */
export async function lockKey(tx: TTransaction, key: string): Promise<void> {
  await prismaOf(tx).$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}
