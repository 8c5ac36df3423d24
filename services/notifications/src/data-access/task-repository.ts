import type { TReader, TTransaction } from '@sanxiang/shared';
import type { Prisma } from '../generated/prisma/client';
import { prismaOf } from './prisma-client';

// The tasks read model (ClockTask, TaskPerson). Reads take a `TReader`; writes a transaction.

const open = { status: { in: ['running', 'paused'] } } satisfies Prisma.ClockTaskWhereInput;

export const findClockTask = (db: TReader, clockKey: string) =>
  prismaOf(db).clockTask.findUnique({ where: { clockKey } });

/** Inserts the task unless it exists (a concurrent first event inserted it). */
export const createClockTaskOnce = (tx: TTransaction, data: Prisma.ClockTaskCreateManyInput) =>
  prismaOf(tx).clockTask.createMany({ data: [data], skipDuplicates: true });

export const updateClockTask = (
  tx: TTransaction,
  clockKey: string,
  data: Prisma.ClockTaskUncheckedUpdateInput,
) => prismaOf(tx).clockTask.update({ where: { clockKey }, data });

/** Adds the people of a task (assignees, supervisors); those already there stay. */
export const addTaskPeople = (tx: TTransaction, data: Prisma.TaskPersonCreateManyInput[]) =>
  prismaOf(tx).taskPerson.createMany({ data, skipDuplicates: true });

/**
 * The open tasks of a person (assignee or supervisor), earliest due first, after the keyset
 * cursor, each with that person's role.
 */
export const listOpenTasksOfPerson = (
  db: TReader,
  filter: { personId: string; after?: { dueAt: Date; clockKey: string } | undefined; take: number },
) =>
  prismaOf(db).clockTask.findMany({
    where: {
      ...open,
      people: { some: { personId: filter.personId } },
      ...(filter.after
        ? {
            OR: [
              { dueAt: { gt: filter.after.dueAt } },
              { dueAt: filter.after.dueAt, clockKey: { gt: filter.after.clockKey } },
            ],
          }
        : {}),
    },
    include: { people: { where: { personId: filter.personId } } },
    orderBy: [{ dueAt: 'asc' }, { clockKey: 'asc' }],
    take: filter.take,
  });

/** What the board selects: open tasks of a kind, unit, level, and overdue or not at `now`. */
export interface TBoardFilter {
  kind?: string | undefined;
  unitId?: string | null | undefined;
  level?: number | undefined;
  /** Overdue = an escalation fired (level ≥ 1) or the due instant passed (task-views `isOverdue`). */
  overdue?: boolean | undefined;
  now: Date;
}

const boardWhere = (filter: TBoardFilter): Prisma.ClockTaskWhereInput => ({
  ...open,
  ...(filter.kind ? { kind: filter.kind } : {}),
  ...(filter.unitId !== undefined ? { unitId: filter.unitId } : {}),
  AND: [
    ...(filter.level !== undefined ? [{ level: filter.level }] : []),
    ...(filter.overdue === true ? [{ OR: [{ level: { gte: 1 } }, { dueAt: { lt: filter.now } }] }] : []),
    ...(filter.overdue === false ? [{ level: { lt: 1 } }, { dueAt: { gte: filter.now } }] : []),
  ],
});

/** The first `take` open tasks of the board, earliest due first. */
export const listOpenTasks = (db: TReader, filter: TBoardFilter & { take: number }) =>
  prismaOf(db).clockTask.findMany({
    where: boardWhere(filter),
    orderBy: [{ dueAt: 'asc' }, { clockKey: 'asc' }],
    take: filter.take,
  });

/**
 * The board's counts, counted by the database: open tasks per kind, unit, status and level, apart
 * for those whose due instant passed (`pastDue`) and the rest, so the domain labels each group.
 */
export async function countOpenTasks(db: TReader, filter: TBoardFilter) {
  const count = (dueAt: Prisma.DateTimeFilter) =>
    prismaOf(db).clockTask.groupBy({
      by: ['kind', 'unitId', 'unitName', 'status', 'level'],
      where: { AND: [boardWhere(filter), { dueAt }] },
      _count: { _all: true },
    });
  const [past, ahead] = await Promise.all([count({ lt: filter.now }), count({ gte: filter.now })]);
  const row = (pastDue: boolean) => (g: (typeof past)[number]) => ({
    kind: g.kind,
    unitId: g.unitId,
    unitName: g.unitName,
    status: g.status,
    level: g.level,
    pastDue,
    count: g._count._all,
  });
  return [...past.map(row(true)), ...ahead.map(row(false))];
}
