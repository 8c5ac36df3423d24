import type { Prisma } from '../generated/prisma/client';
import type { TTx } from './prisma-client';

export interface TStoredResponse {
  status: number;
  body: unknown;
}

/** Serialises everything done under one key (or natural key) until the transaction ends. */
export async function lockKey(tx: TTx, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

export async function findStoredResponse(tx: TTx, key: string) {
  return tx.idempotencyRecord.findUnique({ where: { key } });
}

export async function storeResponse(
  tx: TTx,
  key: string,
  scope: string,
  requestHash: string,
  response: TStoredResponse,
): Promise<void> {
  await tx.idempotencyRecord.create({
    data: {
      key,
      scope,
      requestHash,
      status: response.status,
      responseBody: (response.body ?? {}) as Prisma.InputJsonValue,
    },
  });
}
