import type { TClockSubject } from '@sanxiang/shared/src/contracts';
import {
  addTaskPeople,
  createClockTaskOnce,
  findClockTask,
  updateClockTask,
} from '../data-access/task-repository';
import type { TTransaction } from '../data-access/transaction';

export interface TTaskChange {
  clock: TClockSubject;
  at: Date;
  status: 'running' | 'paused' | 'stopped';
  /** The level that fired with this change (none for started/paused/stopped). */
  level?: number;
  assigneeIds: string[];
  supervisorIds?: string[];
}

/**
 * Applies one change to the tasks read model. Events may arrive late or twice: an event older than
 * the last one applied changes nothing, except that a fired level is never lost (levels only rise
 * within a clock run; a restarted count is a new clockKey).
 */
export async function applyToTask(tx: TTransaction, change: TTaskChange): Promise<void> {
  const { clock, at } = change;
  // Serialise changes of one clock (the row lock is taken by the upsert).
  const existing = await findClockTask(tx, clock.clockKey);
  const fields = {
    kind: clock.kind,
    caseNumber: clock.caseNumber,
    title: clock.title,
    link: clock.link,
    unitId: clock.unitId,
    unitName: clock.unitName,
    dueAt: new Date(clock.dueAt),
    dueDate: clock.dueDate,
  };
  const level = Math.max(existing?.level ?? -1, change.level ?? -1);
  if (!existing) {
    await createClockTaskOnce(tx, {
      clockKey: clock.clockKey,
      ...fields,
      status: change.status,
      level,
      lastEventAt: at,
    });
  }
  const newer = !existing || at.getTime() >= existing.lastEventAt.getTime();
  const stoppedStays =
    existing?.status === 'stopped' && change.status !== 'stopped' && change.level !== undefined;
  // A stop carries neither the people nor the unit (the work is done): it keeps what was known.
  const stopKeeps = existing && change.status === 'stopped';
  await updateClockTask(tx, clock.clockKey, {
    level,
    ...(newer && !stoppedStays
      ? { ...(stopKeeps ? {} : fields), status: change.status, lastEventAt: at }
      : {}),
  });
  const people = [
    ...change.assigneeIds.map((personId) => ({ clockKey: clock.clockKey, personId, role: 'assignee' })),
    ...(change.supervisorIds ?? [])
      .filter((id) => !change.assigneeIds.includes(id))
      .map((personId) => ({ clockKey: clock.clockKey, personId, role: 'supervisor' })),
  ];
  if (people.length > 0) await addTaskPeople(tx, people);
}
