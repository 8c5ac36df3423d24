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

/** The open tasks of the board, earliest due first (at most `take`). */
export const listOpenTasks = (
  db: TReader,
  filter: {
    kind?: string | undefined;
    unitId?: string | null | undefined;
    level?: number | undefined;
    take: number;
  },
) =>
  prismaOf(db).clockTask.findMany({
    where: {
      ...open,
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.unitId !== undefined ? { unitId: filter.unitId } : {}),
      ...(filter.level !== undefined ? { level: filter.level } : {}),
    },
    orderBy: [{ dueAt: 'asc' }, { clockKey: 'asc' }],
    take: filter.take,
  });
