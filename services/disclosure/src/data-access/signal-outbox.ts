import type { Client } from '@temporalio/client';
import { sendDutyClockMessage, type TOutgoingDutyClock } from '@sanxiang/shared';
import { createOutboxRelay, enqueueOutbox, type Logger } from '@sanxiang/shared';
import type { TTransaction } from '@sanxiang/shared';
import { prismaOf, type TDb } from './prisma-client';

export interface TOutgoingSignal {
  workflowId: string;
  signal: string;
  payload: unknown;
}

/** Queued in the transaction of the change it announces (the kit's outbox); delivered after commit. */
export async function enqueueSignal(tx: TTransaction, s: TOutgoingSignal): Promise<void> {
  await enqueueOutbox(prismaOf(tx), {
    kind: 'workflowSignal',
    orderingKey: s.workflowId,
    subject: s.workflowId,
    payload: { workflowId: s.workflowId, signal: s.signal, payload: s.payload },
  });
}

/** A duty clock's start or done (issue #13 item 6), ordered with the workflow's other messages. */
export type { TOutgoingDutyClock };

export async function enqueueDutyClock(tx: TTransaction, m: TOutgoingDutyClock): Promise<void> {
  await enqueueOutbox(prismaOf(tx), {
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
        await sendDutyClockMessage(deps.client, message.payload as unknown as TOutgoingDutyClock);
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
