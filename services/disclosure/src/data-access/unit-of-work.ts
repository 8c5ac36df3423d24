import { runIdempotent, type TIdempotentRequest, type TTransaction } from '@sanxiang/shared';
import type { TActor } from './audit-log';
import { asTransaction, type TDb, type TTx } from './prisma-client';
import {
  enqueueDutyClock,
  enqueueSignal,
  type TOutgoingDutyClock,
  type TOutgoingSignal,
  type TSignalDispatcher,
} from './signal-outbox';

/** A duty clock message without the task queue (the unit of work knows it). */
export type TDutyClockMessage =
  | Omit<Extract<TOutgoingDutyClock, { op: 'start' }>, 'taskQueue'>
  | Extract<TOutgoingDutyClock, { op: 'done' }>;

/** What a use case gets: its transaction, who acts, one "now", and a way to announce a change. */
export interface TCommandContext {
  /** Passed to the data-access functions (issue #9: the domain has no queries of its own). */
  tx: TTransaction;
  actor: TActor;
  now: Date;
  /** Queue a workflow signal in this transaction; it is sent after commit. */
  signal(s: TOutgoingSignal): Promise<void>;
  /** Queue a duty clock's start or end (domain/duty-clocks.ts) in this transaction. */
  dutyClock(m: TDutyClockMessage): Promise<void>;
}

export interface TStoredResponse {
  status: number;
  body: unknown;
}

export type TUnitOfWork = <T extends TStoredResponse>(
  actor: TActor,
  /** The route's Idempotency-Key (`idempotent: true` in `Api.route`), if the request has one. */
  idempotency: TIdempotentRequest | undefined,
  command: (ctx: TCommandContext) => Promise<T>,
) => Promise<TStoredResponse>;

/**
 * Runs one command in one transaction: the state change, its audit event, its queued signals and
 * the stored answer to its Idempotency-Key (the kit's store) commit together or not at all. A
 * repeated key (per caller) returns the first answer without acting again; the same key with
 * another request is a 422.
 */
export function createUnitOfWork(deps: {
  db: TDb;
  dispatcher: TSignalDispatcher;
  /** Where duty clock workflows run (TEMPORAL_TASK_QUEUE). */
  taskQueue: string;
  now?: () => Date;
}): TUnitOfWork {
  return async (actor, idempotency, command) => {
    const workflows: string[] = [];
    const answer = await runIdempotent(
      deps.db,
      idempotency,
      async (client: TTx) => {
        const tx = asTransaction(client);
        const ctx: TCommandContext = {
          tx,
          actor,
          now: deps.now?.() ?? new Date(),
          signal: async (s) => {
            await enqueueSignal(tx, s);
            workflows.push(s.workflowId);
          },
          dutyClock: async (m) => {
            await enqueueDutyClock(tx, m.op === 'start' ? { ...m, taskQueue: deps.taskQueue } : m);
            workflows.push(m.workflowId);
          },
        };
        return command(ctx);
      },
      { timeout: 20_000, maxWait: 10_000 },
    );
    // After commit: a failed delivery stays queued and is retried by the periodic pass.
    await deps.dispatcher.deliver(workflows);
    return { status: answer.status, body: answer.body };
  };
}
