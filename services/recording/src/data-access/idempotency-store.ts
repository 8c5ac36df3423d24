import { createHash } from 'node:crypto';
import { idempotencyKeyReused } from '@sanxiang/shared';
import { canonicalJson } from './audit-trail';
import { isUniqueViolation, type TDb, type TTx } from './prisma-client';

/**
 * Idempotent writes: the first answer to an `Idempotency-Key` is stored in the transaction that made
 * the change, and a repeat of the key (same caller, same request) gets that answer without acting
 * again. The same key with a different request is refused.
 */

export interface TIdempotencyKey {
  actorId: string;
  key: string;
  /** e.g. `POST /cases/{caseNumber}/records` with the actual path. */
  route: string;
  request: unknown;
}

export interface TStoredAnswer {
  status: number;
  body: unknown;
  replayed: boolean;
}

export const requestHash = (route: string, request: unknown) =>
  createHash('sha256').update(route).update('\n').update(canonicalJson(request)).digest('hex');

export async function runIdempotent(
  db: TDb,
  idem: TIdempotencyKey | undefined,
  work: (tx: TTx) => Promise<{ status: number; body: unknown }>,
): Promise<TStoredAnswer> {
  if (!idem) {
    const answer = await db.$transaction(work, { timeout: 30_000 });
    return { ...answer, replayed: false };
  }
  const hash = requestHash(idem.route, idem.request);
  const earlier = await findStored(db, idem, hash);
  if (earlier) return earlier;
  try {
    const answer = await db.$transaction(
      async (tx) => {
        const result = await work(tx);
        await tx.idempotentRequest.create({
          data: {
            actorId: idem.actorId,
            key: idem.key,
            route: idem.route,
            requestHash: hash,
            status: result.status,
            body: (result.body ?? null) as object,
          },
        });
        return result;
      },
      { timeout: 30_000 },
    );
    return { ...answer, replayed: false };
  } catch (err) {
    // A concurrent request with the same key committed first: answer as it did.
    if (isUniqueViolation(err)) {
      const stored = await findStored(db, idem, hash);
      if (stored) return stored;
    }
    throw err;
  }
}

async function findStored(
  db: TDb | TTx,
  idem: TIdempotencyKey,
  hash: string,
): Promise<TStoredAnswer | undefined> {
  const row = await db.idempotentRequest.findUnique({
    where: { actorId_key: { actorId: idem.actorId, key: idem.key } },
  });
  if (!row) return undefined;
  if (row.route !== idem.route || row.requestHash !== hash) {
    throw idempotencyKeyReused();
  }
  return { status: row.status, body: row.body, replayed: true };
}
