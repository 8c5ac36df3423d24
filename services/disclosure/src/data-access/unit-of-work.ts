import { createHash } from 'node:crypto';
import { idempotencyKeyReused } from '@sanxiang/shared';
import type { TActor } from './audit-log';
import { findStoredResponse, lockKey, storeResponse, type TStoredResponse } from './idempotency-repository';
import type { TDb, TTx } from './prisma-client';
import { enqueueSignal, type TOutgoingSignal, type TSignalDispatcher } from './signal-outbox';

/** What a use case gets: its transaction, who acts, one "now", and a way to announce a change. */
export interface TCommandContext {
  tx: TTx;
  actor: TActor;
  now: Date;
  /** Queue a workflow signal in this transaction; it is sent after commit. */
  signal(s: TOutgoingSignal): Promise<void>;
}

export interface TIdempotency {
  /** The caller's Idempotency-Key header, if any. */
  key: string | undefined;
  /** `METHOD /path` the key belongs to. */
  scope: string;
  body: unknown;
}

export type TUnitOfWork = <T extends TStoredResponse>(
  actor: TActor,
  idempotency: TIdempotency | undefined,
  command: (ctx: TCommandContext) => Promise<T>,
) => Promise<TStoredResponse>;

const hash = (value: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(value ?? null))
    .digest('hex');

/**
 * Runs one command in one transaction: the state change, its audit event, its queued signals and
 * the stored answer to its Idempotency-Key commit together or not at all. A repeated key (per
 * caller) returns the first answer without acting again; the same key with another request is a 422.
 */
export function createUnitOfWork(deps: {
  db: TDb;
  dispatcher: TSignalDispatcher;
  now?: () => Date;
}): TUnitOfWork {
  return async (actor, idempotency, command) => {
    const queued: bigint[] = [];
    const key = idempotency?.key ? `${actor.id}:${idempotency.key}` : undefined;
    const result = await deps.db.$transaction(
      async (tx) => {
        if (key && idempotency) {
          await lockKey(tx, `idempotency:${key}`);
          const stored = await findStoredResponse(tx, key);
          if (stored) {
            if (stored.scope !== idempotency.scope || stored.requestHash !== hash(idempotency.body)) {
              throw idempotencyKeyReused();
            }
            return { status: stored.status, body: stored.responseBody } satisfies TStoredResponse;
          }
        }
        const ctx: TCommandContext = {
          tx,
          actor,
          now: deps.now?.() ?? new Date(),
          signal: async (s) => {
            queued.push(await enqueueSignal(tx, s));
          },
        };
        const response = await command(ctx);
        if (key && idempotency)
          await storeResponse(tx, key, idempotency.scope, hash(idempotency.body), response);
        return response;
      },
      { timeout: 20_000, maxWait: 10_000 },
    );
    // After commit: a failed delivery stays queued and is retried by the periodic pass.
    await deps.dispatcher.deliver(queued);
    return result;
  };
}
