import type { TClockEvent } from '@sanxiang/shared/src/contracts';
import { inTransaction } from '../data-access/transaction';
import type { TDomainDeps } from './deps';
import { applyToTask } from './task-model';

/** A clock started, paused or stopped: the tasks read model follows (idempotent, order-tolerant). */
export async function applyClockEvent(deps: TDomainDeps, event: TClockEvent): Promise<void> {
  await inTransaction(deps.db, (tx) =>
    applyToTask(tx, {
      clock: event.clock,
      at: new Date(event.at),
      status: event.type === 'started' ? 'running' : event.type,
      assigneeIds: event.assigneeIds,
    }),
  );
}
