import type { TTx } from './prisma-client';

/** Serialises everything done under one natural key until the transaction ends. */
export async function lockKey(tx: TTx, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}
