import type { TSqlClient } from './sql';

/**
 * The one rate-limit store (docs/decisions.md, "Rate limits in PostgreSQL"): fixed-window counters
 * in the service's own `RateLimitHit` table (Prisma model in docs/service-kit.md), so every process
 * of a service counts against the same limit. One atomic statement per hit: two processes hitting
 * one key at once both count, and the window restarts at the first hit after it ended.
 * Keys are chosen by the caller and should say what they limit (`public-read:203.0.113.7`,
 * `login-account:zhangwei`).
 */

export interface TRateLimitCount {
  /** Hits in the current window, this one included. */
  hits: number;
  /** When the current window ends (the count starts again after it). */
  resetAt: Date;
}

export interface TRateLimitStore {
  /** Counts one hit of `key` in a window of `windowMs`; returns the window's count so far. */
  hit(key: string, windowMs: number): Promise<TRateLimitCount>;
  /** The current window's count, without counting (undefined when there is none). */
  peek(key: string): Promise<TRateLimitCount | undefined>;
  /** Takes one hit back (e.g. a request that succeeded and should not count). */
  undo(key: string): Promise<void>;
  /** Forgets the key (e.g. an account's failed sign-ins after a successful one). */
  reset(key: string): Promise<void>;
  /** Deletes windows that ended; returns how many. Run now and then (every few minutes). */
  prune(): Promise<number>;
}

/** Seconds until `resetAt`, rounded up and at least 1: the value of a `Retry-After` header. */
export const retryAfterSeconds = (resetAt: Date, now: Date = new Date()): number =>
  Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));

/**
 * @param options.now the clock (tests); by default PostgreSQL's `clock_timestamp()`, one clock for
 *   every process.
 */
export function createRateLimitStore(db: TSqlClient, options: { now?: () => Date } = {}): TRateLimitStore {
  const now = () => (options.now ? options.now().toISOString() : null);
  const at = `COALESCE($2::timestamptz, clock_timestamp())`;
  return {
    async hit(key, windowMs) {
      if (!(windowMs > 0)) throw new Error(`rate-limit window must be positive (got ${windowMs})`);
      const [row] = await db.$queryRawUnsafe<{ hits: number; resetAt: Date }[]>(
        `INSERT INTO "RateLimitHit" ("key", "hits", "resetAt")
         VALUES ($1, 1, ${at} + $3::double precision * interval '1 millisecond')
         ON CONFLICT ("key") DO UPDATE SET
           "hits" = CASE WHEN "RateLimitHit"."resetAt" <= ${at} THEN 1 ELSE "RateLimitHit"."hits" + 1 END,
           "resetAt" = CASE WHEN "RateLimitHit"."resetAt" <= ${at} THEN EXCLUDED."resetAt" ELSE "RateLimitHit"."resetAt" END
         RETURNING "hits", "resetAt"`,
        key,
        now(),
        windowMs,
      );
      return { hits: Number(row!.hits), resetAt: new Date(row!.resetAt) };
    },
    async peek(key) {
      const [row] = await db.$queryRawUnsafe<{ hits: number; resetAt: Date }[]>(
        `SELECT "hits", "resetAt" FROM "RateLimitHit" WHERE "key" = $1 AND "resetAt" > ${at}`,
        key,
        now(),
      );
      return row ? { hits: Number(row.hits), resetAt: new Date(row.resetAt) } : undefined;
    },
    async undo(key) {
      await db.$executeRawUnsafe(
        `UPDATE "RateLimitHit" SET "hits" = GREATEST("hits" - 1, 0) WHERE "key" = $1 AND "resetAt" > ${at}`,
        key,
        now(),
      );
    },
    async reset(key) {
      await db.$executeRawUnsafe(`DELETE FROM "RateLimitHit" WHERE "key" = $1`, key);
    },
    async prune() {
      return db.$executeRawUnsafe(
        `DELETE FROM "RateLimitHit" WHERE "resetAt" <= COALESCE($1::timestamptz, clock_timestamp())`,
        now(),
      );
    },
  };
}
