import type { Client } from '@temporalio/client';
import type { Logger } from '@sanxiang/shared';
import type { Prisma } from '../generated/prisma/client';
import type { TDb, TTx } from './prisma-client';

export interface TOutgoingSignal {
  workflowId: string;
  signal: string;
  payload: unknown;
}

/** Queued in the transaction of the change it announces; delivered after commit. */
export async function enqueueSignal(tx: TTx, s: TOutgoingSignal): Promise<bigint> {
  const row = await tx.signalOutbox.create({
    data: { workflowId: s.workflowId, signal: s.signal, payload: s.payload as Prisma.InputJsonValue },
    select: { id: true },
  });
  return row.id;
}

const backoffMs = (attempts: number) => Math.min(5 * 60_000, 1000 * 2 ** Math.min(attempts, 10));

/**
 * Delivers queued signals to Temporal. A signal that fails (Temporal unreachable, workflow not yet
 * started) stays queued with a backoff; `deliverDue` retries it. Signals are at-least-once: the
 * lifecycle's handlers ignore a repeat (it no longer fits the stage).
 */
export function createSignalDispatcher(deps: { db: TDb; client: Client; logger: Logger }) {
  const send = async (row: {
    id: bigint;
    workflowId: string;
    signal: string;
    payload: unknown;
    attempts: number;
  }) => {
    try {
      await deps.client.workflow.getHandle(row.workflowId).signal(row.signal, row.payload);
      await deps.db.signalOutbox.update({
        where: { id: row.id },
        data: { deliveredAt: new Date(), attempts: { increment: 1 } },
      });
      return true;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      deps.logger.warn(
        { workflowId: row.workflowId, signal: row.signal, err: message },
        'signal not delivered; will retry',
      );
      await deps.db.signalOutbox.update({
        where: { id: row.id },
        data: {
          attempts: { increment: 1 },
          lastError: message.slice(0, 2000),
          nextAttempt: new Date(Date.now() + backoffMs(row.attempts + 1)),
        },
      });
      return false;
    }
  };

  return {
    /** Right after commit: deliver these now (failures stay queued). */
    async deliver(ids: bigint[]): Promise<void> {
      if (ids.length === 0) return;
      const rows = await deps.db.signalOutbox.findMany({
        where: { id: { in: ids }, deliveredAt: null },
        orderBy: { id: 'asc' },
      });
      for (const row of rows) await send(row);
    },

    /** Periodically: everything due, oldest first. Returns how many were delivered. */
    async deliverDue(limit = 50): Promise<number> {
      const rows = await deps.db.signalOutbox.findMany({
        where: { deliveredAt: null, nextAttempt: { lte: new Date() } },
        orderBy: { id: 'asc' },
        take: limit,
      });
      let delivered = 0;
      for (const row of rows) if (await send(row)) delivered += 1;
      return delivered;
    },

    /** Runs `deliverDue` every `intervalMs` until the returned stop function is called. */
    start(intervalMs = 15_000): () => void {
      let running = false;
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        this.deliverDue()
          .catch((err: unknown) => deps.logger.error({ err }, 'signal outbox pass failed'))
          .finally(() => {
            running = false;
          });
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

export type TSignalDispatcher = ReturnType<typeof createSignalDispatcher>;
