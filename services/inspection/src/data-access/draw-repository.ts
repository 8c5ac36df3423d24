import type { TReader, TTransaction } from '@sanxiang/shared';
import type { Prisma } from '../generated/prisma/client';
import { prismaOf } from './prisma-client';

// Draws (TaskDraw) and their drawn objects with inspectors and results.

export const latestDraw = (db: TReader, taskId: string) =>
  prismaOf(db).taskDraw.findFirst({ where: { taskId }, orderBy: { number: 'desc' } });

/** A redraw marks the current draw superseded. */
export const supersedeDraws = (tx: TTransaction, taskId: string, at: Date) =>
  prismaOf(tx).taskDraw.updateMany({ where: { taskId, supersededAt: null }, data: { supersededAt: at } });

/** A draw with its drawn objects (nested in `data`). */
export const createDraw = (tx: TTransaction, data: Prisma.TaskDrawUncheckedCreateInput) =>
  prismaOf(tx).taskDraw.create({ data, include: { objects: true } });

/** A task's draws, first draw first, each with its objects. */
export const listDrawRows = (db: TReader, taskId: string) =>
  prismaOf(db).taskDraw.findMany({
    where: { taskId },
    include: { objects: true },
    orderBy: { number: 'asc' },
  });

/** These objects' assignments in the current draws of the item's other tasks, newest draw first. */
export const otherTasksAssignments = (db: TReader, itemId: string, taskId: string, objectIds: string[]) =>
  prismaOf(db).drawnObject.findMany({
    where: {
      objectId: { in: objectIds },
      taskId: { not: taskId },
      draw: { supersededAt: null, task: { itemId } },
    },
    include: { draw: { select: { drawnAt: true } } },
    orderBy: [{ draw: { drawnAt: 'desc' } }],
  });

/** The object in the task's current draw, with its pool entry. */
export const findCurrentDrawnObject = (db: TReader, taskId: string, objectId: string) =>
  prismaOf(db).drawnObject.findFirst({
    where: { taskId, objectId, draw: { supersededAt: null } },
    include: { object: true },
  });

/** As `findCurrentDrawnObject`, with the task, its item and its plan (what a case is opened with). */
export const findCurrentDrawnObjectWithTask = (db: TReader, taskId: string, objectId: string) =>
  prismaOf(db).drawnObject.findFirst({
    where: { taskId, objectId, draw: { supersededAt: null } },
    include: { object: true, draw: { include: { task: { include: { item: true, plan: true } } } } },
  });

/** The drawn objects of the task's current draw. */
export const currentDrawnObjects = (db: TReader, taskId: string) =>
  prismaOf(db).drawnObject.findMany({ where: { taskId, draw: { supersededAt: null } } });

/** The current draw's objects that have a result, in draw order, with pool entry, task, item and plan. */
export const currentResults = (db: TReader, taskId: string) =>
  prismaOf(db).drawnObject.findMany({
    where: { taskId, draw: { supersededAt: null }, result: { not: null } },
    include: { object: true, draw: { include: { task: { include: { item: true, plan: true } } } } },
    orderBy: { position: 'asc' },
  });

export const updateDrawnResult = (
  tx: TTransaction,
  id: string,
  data: Pick<
    Prisma.DrawnObjectUncheckedUpdateInput,
    'result' | 'resultNote' | 'caseNumber' | 'resultById' | 'resultByName' | 'resultAt'
  >,
) => prismaOf(tx).drawnObject.update({ where: { id }, data, include: { object: true } });
