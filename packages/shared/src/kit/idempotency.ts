import { idempotencyKeyReused } from '../http/idempotency-key';
import { canonicalJson, sha256Hex } from './canonical-json';
import { jsonParam, type TSqlClient, type TSqlDb, type TTransactionOptions } from './sql';

/**
 * The one idempotency store (docs/decisions.md, "One service kit"). The first answer to an
 * `Idempotency-Key` (per caller) is stored in the transaction that made the change; a repeat of the
 * key with the same request gets that answer without acting again; the key with another request
 * (other route or body) is refused with 422. Concurrent requests with one key are serialised by a
 * transaction-scoped advisory lock, so the second waits and replays the first's answer.
 * Each service keeps its own `IdempotentRequest` table (Prisma model in docs/service-kit.md).
 */

export interface TIdempotentRequest {
  /** The caller (token subject): keys are per caller. */
  principalId: string;
  key: string;
  /** `METHOD /actual/path` the key was sent to. */
  route: string;
  /** What identifies the request besides the route (its body). */
  request: unknown;
}

export interface TAnswer {
  status: number;
  body: unknown;
}

export type TIdempotentAnswer<A extends TAnswer> = A & { replayed: boolean };

export const idempotentRequestHash = (route: string, request: unknown): string =>
  sha256Hex(route, canonicalJson(request));

const defaultOptions: TTransactionOptions = { maxWait: 10_000, timeout: 30_000 };

/**
 * Runs `work` in one transaction; with a key, stores its answer there (the answer must be plain
 * JSON — ISO strings, not Dates — so that a replay is identical to the first answer).
 */
export async function runIdempotent<TTx extends TSqlClient, A extends TAnswer>(
  db: TSqlDb<TTx>,
  idem: TIdempotentRequest | undefined,
  work: (tx: TTx) => Promise<A>,
  options: TTransactionOptions = defaultOptions,
): Promise<TIdempotentAnswer<A>> {
  return db.$transaction(async (tx) => {
    if (!idem) return { ...(await work(tx)), replayed: false };
    const hash = idempotentRequestHash(idem.route, idem.request);
    await tx.$executeRawUnsafe(
      `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`,
      `idempotency\n${idem.principalId}\n${idem.key}`,
    );
    const [stored] = await tx.$queryRawUnsafe<
      { route: string; requestHash: string; status: number; body: unknown }[]
    >(
      `SELECT "route", "requestHash", "status", "body" FROM "IdempotentRequest" WHERE "actorId" = $1 AND "key" = $2`,
      idem.principalId,
      idem.key,
    );
    if (stored) {
      if (stored.route !== idem.route || stored.requestHash !== hash) throw idempotencyKeyReused();
      return { status: stored.status, body: stored.body, replayed: true } as TIdempotentAnswer<A>;
    }
    const answer = await work(tx);
    await tx.$executeRawUnsafe(
      `INSERT INTO "IdempotentRequest" ("actorId", "key", "route", "requestHash", "status", "body")
       VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
      idem.principalId,
      idem.key,
      idem.route,
      hash,
      answer.status,
      jsonParam(answer.body),
    );
    return { ...answer, replayed: false };
  }, options);
}
