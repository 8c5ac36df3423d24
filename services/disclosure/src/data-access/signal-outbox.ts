import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { createOutboxRelay, enqueueOutbox, type Logger } from '@sanxiang/shared';
import type { TDb, TTx } from './prisma-client';

export interface TOutgoingSignal {
  workflowId: string;
  signal: string;
  payload: unknown;
}

/** Queued in the transaction of the change it announces (the kit's outbox); delivered after commit. */
export async function enqueueSignal(tx: TTx, s: TOutgoingSignal): Promise<void> {
  await enqueueOutbox(tx, {
    kind: 'workflowSignal',
    orderingKey: s.workflowId,
    subject: s.workflowId,
    payload: { workflowId: s.workflowId, signal: s.signal, payload: s.payload },
  });
}

/**
 * A duty clock (issue #13 item 6) started or told its duty is done, in the transaction of the change
 * that starts or ends the duty. Ordered with the workflow's other messages (the start first); a start
 * of a running clock and a done for a clock that never ran (a record from before the duty clocks)
 * are no-ops.
 */
export type TOutgoingDutyClock =
  | { op: 'start'; workflowId: string; workflowType: string; taskQueue: string; args: unknown[] }
  | { op: 'done'; workflowId: string; signal: string; payload: unknown };

export async function enqueueDutyClock(tx: TTx, m: TOutgoingDutyClock): Promise<void> {
  await enqueueOutbox(tx, {
    kind: 'dutyClock',
    orderingKey: m.workflowId,
    subject: m.workflowId,
    payload: m as unknown as Record<string, unknown>,
  });
}

export interface TSignalDispatcher {
  /** Right after commit: deliver what waits for these workflows now (failures stay queued). */
  deliver(workflowIds: readonly string[]): Promise<void>;
  /** Everything due, in order per workflow. Returns how many were delivered. */
  deliverDue(): Promise<number>;
  /** Passes every `intervalMs` (retries with the kit's backoff); returns a stop function. */
  start(intervalMs?: number): () => void;
}

/**
 * Delivers queued signals to Temporal through the kit's relay (packages/shared/src/kit/outbox.ts):
 * in order per workflow, row-locked, retried with one backoff. Signals are at-least-once: the
 * lifecycle's handlers ignore a repeat (it no longer fits the stage).
 */
export function createSignalDispatcher(deps: { db: TDb; client: Client; logger: Logger }): TSignalDispatcher {
  const relay = createOutboxRelay({
    db: deps.db,
    logger: deps.logger,
    handlers: {
      workflowSignal: async (message) => {
        const p = message.payload as TOutgoingSignal;
        await deps.client.workflow.getHandle(p.workflowId).signal(p.signal, p.payload);
        return {};
      },
      dutyClock: async (message) => {
        const m = message.payload as unknown as TOutgoingDutyClock;
        try {
          if (m.op === 'start') {
            await deps.client.workflow.start(m.workflowType, {
              workflowId: m.workflowId,
              taskQueue: m.taskQueue,
              args: m.args,
            });
          } else {
            await deps.client.workflow.getHandle(m.workflowId).signal(m.signal, m.payload);
          }
        } catch (err) {
          if (m.op === 'start' && err instanceof WorkflowExecutionAlreadyStartedError) return {};
          if (m.op === 'done' && err instanceof WorkflowNotFoundError) return {};
          throw err;
        }
        return {};
      },
    },
  });
  return {
    async deliver(workflowIds) {
      if (workflowIds.length === 0) return;
      await relay.runOnce({ orderingKeys: [...new Set(workflowIds)] });
    },
    deliverDue: () => relay.runOnce(),
    start(intervalMs = 15_000) {
      relay.start(intervalMs);
      return () => void relay.stop();
    },
  };
}
