import { runIdempotent as runWithKit, type TIdempotentAnswer } from '@sanxiang/shared';
import type { TDb, TTx } from './prisma-client';

/**
 * Idempotent writes through the kit's store (packages/shared/src/kit/idempotency.ts): the first
 * answer to an `Idempotency-Key` is stored in the transaction that made the change, and a repeat of
 * the key (same caller, same request) gets that answer without acting again. The same key with a
 * different request is refused (422).
 */

export interface TIdempotencyKey {
  actorId: string;
  key: string;
  /** e.g. `POST /cases/{caseNumber}/records` with the actual path. */
  route: string;
  request: unknown;
}

export type TStoredAnswer = TIdempotentAnswer<{ status: number; body: unknown }>;

export function runIdempotent<A extends { status: number; body: unknown }>(
  db: TDb,
  idem: TIdempotencyKey | undefined,
  work: (tx: TTx) => Promise<A>,
): Promise<TIdempotentAnswer<A>> {
  return runWithKit(
    db,
    idem && { principalId: idem.actorId, key: idem.key, route: idem.route, request: idem.request },
    work,
    { maxWait: 10_000, timeout: 30_000 },
  );
}
