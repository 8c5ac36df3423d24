import type { TReader, TTransaction } from '@sanxiang/shared';
import type { Prisma } from '../generated/prisma/client';
import { prismaOf } from './prisma-client';

// 抽查计划 and 抽查任务. Reads take a `TReader`; writes the caller's transaction.

export const createPlanRow = (tx: TTransaction, data: Prisma.InspectionPlanUncheckedCreateInput) =>
  prismaOf(tx).inspectionPlan.create({ data });

export const findPlan = (db: TReader, id: string) =>
  prismaOf(db).inspectionPlan.findUnique({ where: { id } });

export const markPlanPublished = (tx: TTransaction, id: string, at: Date) =>
  prismaOf(tx).inspectionPlan.update({ where: { id }, data: { status: 'published', publishedAt: at } });

/** Every plan, drafts too: newest year first, then newest. */
export const listPlanRows = (db: TReader) =>
  prismaOf(db).inspectionPlan.findMany({ orderBy: [{ year: 'desc' }, { createdAt: 'desc' }] });

/** Published plans (of one year when given) with their published tasks and items. */
export const listPublishedPlans = (db: TReader, year: number | undefined) =>
  prismaOf(db).inspectionPlan.findMany({
    where: { status: 'published', ...(year ? { year } : {}) },
    include: {
      tasks: { where: { status: 'published' }, include: { item: true }, orderBy: { createdAt: 'asc' } },
    },
    orderBy: [{ year: 'desc' }, { publishedAt: 'desc' }],
  });

/** A year's published plans, each with its published tasks, their items and every draw's objects. */
export const publishedPlansWithDraws = (db: TReader, year: number) =>
  prismaOf(db).inspectionPlan.findMany({
    where: { year, status: 'published' },
    orderBy: [{ publishedAt: 'asc' }, { id: 'asc' }],
    include: {
      tasks: {
        where: { status: 'published' },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        include: { item: true, draws: { include: { objects: true } } },
      },
    },
  });

export const createTaskRow = (tx: TTransaction, data: Prisma.InspectionTaskUncheckedCreateInput) =>
  prismaOf(tx).inspectionTask.create({ data, include: { item: true } });

export const findTask = (db: TReader, id: string) =>
  prismaOf(db).inspectionTask.findUnique({ where: { id } });

export const findTaskWithItem = (db: TReader, id: string) =>
  prismaOf(db).inspectionTask.findUnique({ where: { id }, include: { item: true } });

export const findTaskWithItemAndPlan = (db: TReader, id: string) =>
  prismaOf(db).inspectionTask.findUnique({ where: { id }, include: { item: true, plan: true } });

/** A task with its item and every draw (with its objects), first draw first. */
export const findTaskWithDraws = (db: TReader, id: string) =>
  prismaOf(db).inspectionTask.findUnique({
    where: { id },
    include: { item: true, draws: { include: { objects: true }, orderBy: { number: 'asc' } } },
  });

/** A task with its current draw's objects (each with its pool entry). */
export const findTaskWithCurrentObjects = (db: TReader, id: string) =>
  prismaOf(db).inspectionTask.findUnique({
    where: { id },
    include: {
      draws: { where: { supersededAt: null }, include: { objects: { include: { object: true } } } },
    },
  });

export const listTasksOfPlan = (db: TReader, planId: string) =>
  prismaOf(db).inspectionTask.findMany({
    where: { planId },
    include: { item: true },
    orderBy: { createdAt: 'asc' },
  });

/** Tasks whose results are published (one task, one plan year), with item, plan and current objects. */
export const listTasksWithPublishedResults = (
  db: TReader,
  filter: { taskId?: string | undefined; year?: number | undefined },
) =>
  prismaOf(db).inspectionTask.findMany({
    where: {
      resultsPublishedAt: { not: null },
      ...(filter.taskId ? { id: filter.taskId } : {}),
      ...(filter.year ? { plan: { year: filter.year } } : {}),
    },
    include: {
      item: true,
      plan: true,
      draws: { where: { supersededAt: null }, include: { objects: { include: { object: true } } } },
    },
    orderBy: { resultsPublishedAt: 'desc' },
  });

export const markTaskPublished = (tx: TTransaction, id: string, at: Date) =>
  prismaOf(tx).inspectionTask.update({
    where: { id },
    data: { status: 'published', publishedAt: at },
    include: { item: true },
  });

export const markTaskDrawn = (tx: TTransaction, id: string) =>
  prismaOf(tx).inspectionTask.update({ where: { id }, data: { status: 'drawn' } });

/** The results' check, approval, clock, level or publication on the task row. */
export const updateTaskResults = (
  tx: TTransaction,
  id: string,
  data: Pick<
    Prisma.InspectionTaskUncheckedUpdateInput,
    | 'resultsCheckedAt'
    | 'resultsCheckedById'
    | 'resultsCheckedByName'
    | 'resultsApprovedAt'
    | 'resultsApprovedById'
    | 'resultsApprovedByName'
    | 'resultsDueAt'
    | 'resultsDueDate'
    | 'resultsProvisional'
    | 'resultsLevel'
    | 'resultsPublishedAt'
  >,
) => prismaOf(tx).inspectionTask.update({ where: { id }, data });

/** Published tasks whose inspection ended within `dates`, with their current draw's results (statistics). */
export const publishedTasksEndedIn = (db: TReader, dates: { gte: Date; lt: Date }) =>
  prismaOf(db).inspectionTask.findMany({
    where: { status: 'published', endDate: dates },
    select: {
      resultsDueAt: true,
      resultsPublishedAt: true,
      draws: { where: { supersededAt: null }, select: { objects: { select: { result: true } } } },
    },
  });
