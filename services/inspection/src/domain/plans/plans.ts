import { AppError, type TDatabase, type TIdempotentRequest } from '@sanxiang/shared';
import { ZIsoDate } from '@sanxiang/shared/src/domain/identifiers';
import { z } from 'zod';
import { planSubject, taskSubject, writeAudit, type TAuditActor } from '../../data-access/audit-log';
import { findItem } from '../../data-access/catalogue-repository';
import {
  createPlanRow,
  createTaskRow,
  findPlan,
  findTaskWithItemAndPlan,
  markPlanPublished,
  markTaskPublished,
} from '../../data-access/plan-repository';
import type { InspectionItem, InspectionPlan, InspectionTask } from '../../data-access/rows';
import { inTransaction } from '../../data-access/transaction';
import { enqueueWorkflowStart, type TWorkflowDispatcher } from '../../data-access/workflow-outbox';
import {
  inspectionResultsWorkflowId,
  inspectionResultsWorkflowType,
  type TInspectionResultsInput,
} from '@sanxiang/shared/src/contracts';
import { fromDbDate, toDbDate } from '../dates';

export const planStatusLabel = { draft: '草稿', published: '已公布' } as const;
export const taskStatusLabel = { draft: '待抽取', drawn: '已抽取（未公布）', published: '已公布' } as const;

export const ZCreatePlanBody = z.object({
  name: z.string().trim().min(2).max(200).describe('计划名称，如“2026年度劳动保障随机抽查计划”'),
  year: z.number().int().min(2000).max(2100),
  description: z.string().trim().max(4000).default(''),
});

export const ZPlanView = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  description: z.string(),
  status: z.enum(['draft', 'published']),
  statusLabel: z.string(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type TPlanView = z.infer<typeof ZPlanView>;

export const planView = (p: InspectionPlan): TPlanView => ({
  id: p.id,
  name: p.name,
  year: p.year,
  description: p.description,
  status: p.status,
  statusLabel: planStatusLabel[p.status],
  createdAt: p.createdAt.toISOString(),
  publishedAt: p.publishedAt?.toISOString() ?? null,
});

export const ZCreateTaskBody = z
  .object({
    itemCode: z.string().trim().min(1).max(40).describe('随机抽查事项编码'),
    name: z.string().trim().min(2).max(200),
    objectCount: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .optional()
      .describe('抽取对象数（与 ratioPercent 二选一）'),
    ratioPercent: z
      .number()
      .gt(0)
      .max(100)
      .optional()
      .describe('抽取比例（百分数，向上取整）；都不给时用事项的比例'),
    district: z.string().trim().max(100).default('').describe('只在该区域的对象中抽取（空：全部）'),
    inspectorsPerObject: z.number().int().min(2, '每个对象至少抽取两名检查人员').max(10).default(2),
    startDate: ZIsoDate.describe('检查开始日（北京时间）'),
    endDate: ZIsoDate.describe('检查结束日（北京时间）'),
  })
  .refine((b) => b.startDate <= b.endDate, { message: '检查结束日不能早于开始日', path: ['endDate'] })
  .refine((b) => b.objectCount === undefined || b.ratioPercent === undefined, {
    message: '抽取对象数与抽取比例只能给出一个',
    path: ['ratioPercent'],
  });

export const ZTaskView = z.object({
  id: z.string(),
  planId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  name: z.string(),
  objectCount: z.number().int().nullable(),
  ratioPercent: z.number().nullable(),
  district: z.string(),
  inspectorsPerObject: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(['draft', 'drawn', 'published']),
  statusLabel: z.string(),
  publishedAt: z.string().nullable(),
});
export type TTaskView = z.infer<typeof ZTaskView>;

export const taskView = (t: InspectionTask & { item: InspectionItem }): TTaskView => ({
  id: t.id,
  planId: t.planId,
  itemCode: t.item.code,
  itemName: t.item.name,
  name: t.name,
  objectCount: t.objectCount,
  ratioPercent: t.ratioPercent,
  district: t.district,
  inspectorsPerObject: t.inspectorsPerObject,
  startDate: fromDbDate(t.startDate),
  endDate: fromDbDate(t.endDate),
  status: t.status,
  statusLabel: taskStatusLabel[t.status],
  publishedAt: t.publishedAt?.toISOString() ?? null,
});

export async function createPlan(
  db: TDatabase,
  actor: TAuditActor,
  body: z.infer<typeof ZCreatePlanBody>,
  idempotency: TIdempotentRequest | undefined,
) {
  return inTransaction(db, idempotency, async (tx) => {
    const plan = await createPlanRow(tx, { ...body, createdById: actor.id });
    await writeAudit(tx, actor, 'plan.created', planSubject(plan.id), body);
    return { status: 201, body: planView(plan) };
  });
}

export async function createTask(
  db: TDatabase,
  actor: TAuditActor,
  planId: string,
  body: z.infer<typeof ZCreateTaskBody>,
  idempotency: TIdempotentRequest | undefined,
) {
  return inTransaction(db, idempotency, async (tx) => {
    const plan = await findPlan(tx, planId);
    if (!plan) throw new AppError('notFound', `抽查计划 ${planId} 不存在`);
    const item = await findItem(tx, body.itemCode);
    if (!item || !item.active)
      throw new AppError('unprocessable', `随机抽查事项清单中没有有效的事项 ${body.itemCode}`);
    const ratioPercent = body.objectCount === undefined ? (body.ratioPercent ?? item.ratioPercent) : null;
    if (body.objectCount === undefined && ratioPercent === null)
      throw new AppError('unprocessable', `事项 ${item.code} 未规定比例：请给出抽取对象数或抽取比例`);
    const task = await createTaskRow(tx, {
      planId,
      itemId: item.id,
      name: body.name,
      objectCount: body.objectCount ?? null,
      ratioPercent,
      district: body.district,
      inspectorsPerObject: body.inspectorsPerObject,
      startDate: toDbDate(body.startDate),
      endDate: toDbDate(body.endDate),
    });
    await writeAudit(tx, actor, 'task.created', taskSubject(task.id), { planId, ...body });
    return { status: 201, body: taskView(task) };
  });
}

/** 公布: a plan, then each drawn task (with its drawn objects and inspectors, 004 §4(6)). */
export async function publishPlan(db: TDatabase, actor: TAuditActor, planId: string, now: Date) {
  return inTransaction(db, undefined, async (tx) => {
    const plan = await findPlan(tx, planId);
    if (!plan) throw new AppError('notFound', `抽查计划 ${planId} 不存在`);
    if (plan.status === 'published') return { status: 200, body: planView(plan) };
    const updated = await markPlanPublished(tx, planId, now);
    await writeAudit(tx, actor, 'plan.published', planSubject(planId));
    return { status: 200, body: planView(updated) };
  });
}

/**
 * 公布 one drawn task; its results clock starts with it (the task's workflow, started through the
 * outbox after commit: 20 working days from the end of the inspection, 000 §17).
 */
export async function publishTask(
  db: TDatabase,
  workflows: TWorkflowDispatcher,
  actor: TAuditActor,
  taskId: string,
  now: Date,
) {
  const workflowId = inspectionResultsWorkflowId(taskId);
  const answer = await inTransaction(db, undefined, async (tx) => {
    const task = await findTaskWithItemAndPlan(tx, taskId);
    if (!task) throw new AppError('notFound', `抽查任务 ${taskId} 不存在`);
    if (task.status === 'published') return { status: 200, body: taskView(task) };
    if (task.status === 'draft') throw new AppError('conflict', '该任务尚未抽取，不能公布');
    if (task.plan.status !== 'published')
      throw new AppError('conflict', '所属抽查计划尚未公布，请先公布计划');
    const updated = await markTaskPublished(tx, taskId, now);
    await writeAudit(tx, actor, 'task.published', taskSubject(taskId));
    const input: TInspectionResultsInput = {
      taskId,
      taskName: updated.name,
      endDate: fromDbDate(updated.endDate),
    };
    await enqueueWorkflowStart(tx, {
      workflowType: inspectionResultsWorkflowType,
      workflowId,
      args: [input],
    });
    return { status: 200, body: taskView(updated) };
  });
  // Failures stay queued: the relay retries (startBackground).
  await workflows.deliver([workflowId]).catch(() => undefined);
  return answer;
}
