import type { Logger } from 'pino';
import { jsonParam, type TSqlClient, type TSqlDb } from './sql';

/**
 * The one transactional outbox (docs/decisions.md, "One service kit"). A message is written in the
 * transaction of the change it announces and delivered after commit, at least once:
 * - in order per `orderingKey` (e.g. the workflow id): a message waits until every earlier message
 *   of its key is delivered, so a failing signal holds back the later ones of its case;
 * - by one relay at a time: claiming takes a lease with `FOR UPDATE SKIP LOCKED`, so two relays
 *   (two processes, or a loop and an after-commit kick) never deliver the same row at once;
 * - with one backoff rule after a failure ({@link outboxRetryDelayMs}), retried without limit;
 * - with its state visible in the table (`attempts`, `lastError`, `nextAttemptAt`, `deliveredAt`,
 *   `result`) and through {@link outboxBacklog}.
 * Each service keeps its own `OutboxMessage` table (the Prisma model is in docs/service-kit.md).
 */

export interface TOutboxEntry {
  /** Which handler delivers it, e.g. `workflowSignal`. */
  kind: string;
  /** Messages with the same key are delivered one at a time, in the order they were written. */
  orderingKey: string;
  /** One message per fact (e.g. `opinion-issued:<reviewId>`): a second one with the key is not queued. */
  dedupeKey?: string | undefined;
  /** What the delivery is about (an audit subject, e.g. `review:<uuid>`). */
  subject: string;
  payload: unknown;
}

export interface TOutboxMessage {
  id: string;
  kind: string;
  orderingKey: string;
  dedupeKey: string | null;
  subject: string;
  payload: unknown;
  /** Including the current attempt. */
  attempts: number;
}

/**
 * Backoff after the n-th failed attempt: 5 s, 10 s, 20 s, then every 30 s (as the worker's service
 * calls, SERVICE_RETRY_CAP_PATCH): a message that failed through several outages in a row goes out
 * within 30 s of its receiver answering again, not up to 5 minutes later (issue #16, the soak).
 */
export const outboxRetryDelayMs = (attempts: number): number =>
  Math.min(30_000, 5_000 * 2 ** Math.max(0, Math.min(attempts, 20) - 1));

/** Queue a message in the caller's transaction. Returns its id, or undefined for a repeated dedupeKey. */
export async function enqueueOutbox(
  tx: TSqlClient,
  entry: TOutboxEntry,
  now: Date = new Date(),
): Promise<string | undefined> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO "OutboxMessage" ("kind", "orderingKey", "dedupeKey", "subject", "payload", "createdAt", "nextAttemptAt")
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::timestamptz, $6::timestamptz)
     ON CONFLICT ("dedupeKey") DO NOTHING
     RETURNING "id"::text AS "id"`,
    entry.kind,
    entry.orderingKey,
    entry.dedupeKey ?? null,
    entry.subject,
    jsonParam(entry.payload),
    now,
  );
  return rows[0]?.id;
}

/**
 * Lease up to `limit` deliverable messages: due, not leased by another relay, and the oldest
 * undelivered one of their ordering key. `orderingKeys` limits the claim to those keys.
 */
export async function claimOutbox(
  db: TSqlClient,
  now: Date,
  leaseMs: number,
  limit: number,
  orderingKeys?: readonly string[],
): Promise<TOutboxMessage[]> {
  return db.$queryRawUnsafe<TOutboxMessage[]>(
    `UPDATE "OutboxMessage" SET "lockedUntil" = $1::timestamptz, "attempts" = "attempts" + 1
     WHERE "id" IN (
       SELECT o."id" FROM "OutboxMessage" o
       WHERE o."deliveredAt" IS NULL
         AND o."nextAttemptAt" <= $2::timestamptz
         AND (o."lockedUntil" IS NULL OR o."lockedUntil" < $2::timestamptz)
         AND ($4::text[] IS NULL OR o."orderingKey" = ANY($4::text[]))
         AND NOT EXISTS (
           SELECT 1 FROM "OutboxMessage" p
           WHERE p."orderingKey" = o."orderingKey" AND p."id" < o."id" AND p."deliveredAt" IS NULL
         )
       ORDER BY o."nextAttemptAt", o."id"
       LIMIT $3
       FOR UPDATE SKIP LOCKED
     )
     RETURNING "id"::text AS "id", "kind", "orderingKey", "dedupeKey", "subject", "payload", "attempts"`,
    new Date(now.getTime() + leaseMs),
    now,
    limit,
    orderingKeys ? [...orderingKeys] : null,
  );
}

export async function markOutboxDelivered(
  tx: TSqlClient,
  id: string,
  at: Date,
  result: unknown,
): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE "OutboxMessage" SET "deliveredAt" = $2::timestamptz, "lockedUntil" = NULL, "lastError" = NULL,
       "result" = $3::jsonb WHERE "id" = $1::bigint`,
    id,
    at,
    jsonParam(result ?? {}),
  );
}

export async function markOutboxFailed(
  db: TSqlClient,
  id: string,
  error: string,
  nextAttemptAt: Date,
): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE "OutboxMessage" SET "lockedUntil" = NULL, "lastError" = $2, "nextAttemptAt" = $3::timestamptz
     WHERE "id" = $1::bigint`,
    id,
    error.slice(0, 2000),
    nextAttemptAt,
  );
}

export interface TOutboxBacklog {
  pending: number;
  /** Undelivered messages whose last attempt failed (the dead letters, until they get through). */
  failing: number;
  oldestPendingAt: Date | null;
  /** The failing messages, oldest first (at most 20). */
  failures: { id: string; kind: string; orderingKey: string; attempts: number; lastError: string }[];
}

/** What waits in the outbox, for health pages and the CLI. */
export async function outboxBacklog(db: TSqlClient): Promise<TOutboxBacklog> {
  const [counts] = await db.$queryRawUnsafe<
    { pending: number; failing: number; oldestPendingAt: Date | null }[]
  >(
    `SELECT count(*)::int AS "pending", count("lastError")::int AS "failing", min("createdAt") AS "oldestPendingAt"
     FROM "OutboxMessage" WHERE "deliveredAt" IS NULL`,
  );
  const failures = await db.$queryRawUnsafe<TOutboxBacklog['failures']>(
    `SELECT "id"::text AS "id", "kind", "orderingKey", "attempts", "lastError" FROM "OutboxMessage"
     WHERE "deliveredAt" IS NULL AND "lastError" IS NOT NULL ORDER BY "OutboxMessage"."id" LIMIT 20`,
  );
  return {
    pending: counts?.pending ?? 0,
    failing: counts?.failing ?? 0,
    oldestPendingAt: counts?.oldestPendingAt ?? null,
    failures,
  };
}

export type TOutboxHandler = (message: TOutboxMessage) => Promise<unknown>;

export interface TOutboxRelayDeps<TTx extends TSqlClient> {
  db: TSqlDb<TTx>;
  logger: Logger;
  now?: () => Date;
  /** One handler per kind; what it returns is stored as the message's `result`. */
  handlers: Record<string, TOutboxHandler>;
  /** Runs in the transaction that marks the message delivered (e.g. its audit event). */
  onDelivered?: (tx: TTx, message: TOutboxMessage, result: unknown, at: Date) => Promise<void>;
  leaseMs?: number;
  batchSize?: number;
}

export interface TOutboxRelay {
  /** Deliver everything deliverable now (only of `orderingKeys`, if given); returns how many. */
  runOnce(options?: { orderingKeys?: readonly string[] }): Promise<number>;
  /** Start a full pass soon, without waiting (after a commit). */
  kick(): void;
  /** Wait until no kicked pass is in flight. */
  drain(): Promise<void>;
  /** Pass every `intervalMs` (retries); idempotent. */
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

export function createOutboxRelay<TTx extends TSqlClient>(deps: TOutboxRelayDeps<TTx>): TOutboxRelay {
  const now = deps.now ?? (() => new Date());
  const leaseMs = deps.leaseMs ?? 60_000;
  const batchSize = deps.batchSize ?? 20;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const deliverOne = async (message: TOutboxMessage): Promise<boolean> => {
    let result: unknown;
    try {
      const handler = deps.handlers[message.kind];
      if (!handler) throw new Error(`no outbox handler for kind ${message.kind}`);
      result = await handler(message);
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      deps.logger.warn(
        {
          outboxId: message.id,
          kind: message.kind,
          orderingKey: message.orderingKey,
          attempts: message.attempts,
          error,
        },
        'outbox delivery failed; will retry',
      );
      await markOutboxFailed(
        deps.db,
        message.id,
        error,
        new Date(now().getTime() + outboxRetryDelayMs(message.attempts)),
      );
      return false;
    }
    const at = now();
    await deps.db.$transaction(async (tx) => {
      await markOutboxDelivered(tx, message.id, at, result);
      await deps.onDelivered?.(tx, message, result, at);
    });
    return true;
  };

  const runOnce = async (options?: { orderingKeys?: readonly string[] }): Promise<number> => {
    let delivered = 0;
    for (;;) {
      const claimed = await claimOutbox(deps.db, now(), leaseMs, batchSize, options?.orderingKeys);
      if (claimed.length === 0) return delivered;
      for (const message of claimed) if (await deliverOne(message)) delivered += 1;
    }
  };

  const kick = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await runOnce();
      } while (again);
    })()
      .catch((err: unknown) => deps.logger.error({ err }, 'outbox pass failed'))
      .finally(() => {
        running = undefined;
      });
  };

  return {
    runOnce,
    kick,
    async drain() {
      while (running) await running;
    },
    start(intervalMs) {
      if (timer) return;
      timer = setInterval(kick, intervalMs);
      timer.unref();
      kick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      while (running) await running;
    },
  };
}
