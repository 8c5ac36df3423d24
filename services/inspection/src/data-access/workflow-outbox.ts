import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { createOutboxRelay, enqueueOutbox, type Logger, type TTransaction } from '@sanxiang/shared';
import { prismaOf, type TDb } from './prisma-client';

interface TStart {
  workflowType: string;
  workflowId: string;
  args: unknown[];
}
interface TSignal {
  workflowId: string;
  signal: string;
  payload: unknown;
}

/** Start a workflow once the transaction commits (the kit's outbox; a repeat start is a no-op). */
export async function enqueueWorkflowStart(tx: TTransaction, s: TStart): Promise<void> {
  await enqueueOutbox(prismaOf(tx), {
    kind: 'workflowStart',
    orderingKey: s.workflowId,
    dedupeKey: `start:${s.workflowId}`,
    subject: s.workflowId,
    payload: s,
  });
}

/** Signal a workflow once the transaction commits, after every earlier message of that workflow. */
export async function enqueueWorkflowSignal(tx: TTransaction, s: TSignal, dedupeKey?: string): Promise<void> {
  await enqueueOutbox(prismaOf(tx), {
    kind: 'workflowSignal',
    orderingKey: s.workflowId,
    dedupeKey,
    subject: s.workflowId,
    payload: s,
  });
}

export interface TWorkflowDispatcher {
  /** Right after commit: deliver what waits for these workflows now (failures stay queued). */
  deliver(workflowIds: readonly string[]): Promise<void>;
  /** Everything due, in order per workflow. */
  deliverDue(): Promise<number>;
  /** Passes every `intervalMs` (retries with the kit's backoff); returns a stop function. */
  start(intervalMs?: number): () => void;
}

/**
 * Delivers queued workflow starts and signals to Temporal through the kit's relay
 * (packages/shared/src/kit/outbox.ts): in order per workflow, retried with one backoff. The task's
 * workflow ignores a repeated signal.
 */
export function createWorkflowDispatcher(deps: {
  db: TDb;
  client: Client;
  taskQueue: string;
  logger: Logger;
}): TWorkflowDispatcher {
  const relay = createOutboxRelay({
    db: deps.db,
    logger: deps.logger,
    handlers: {
      workflowStart: async (message) => {
        const p = message.payload as TStart;
        try {
          await deps.client.workflow.start(p.workflowType, {
            taskQueue: deps.taskQueue,
            workflowId: p.workflowId,
            args: p.args,
          });
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        }
        return {};
      },
      workflowSignal: async (message) => {
        const p = message.payload as TSignal;
        await deps.client.workflow.getHandle(p.workflowId).signal(p.signal, p.payload);
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
