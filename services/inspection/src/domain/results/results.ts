import { AppError, type TIdempotentRequest, type TPrincipal } from '@sanxiang/shared';
import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { clockRules, computeClockInstants } from '@sanxiang/shared/src/clocks';
import { z } from 'zod';
import { taskSubject, writeAudit, type TAuditActor } from '../../data-access/audit-log';
import { inTransaction } from '../../data-access/transaction';
import type { DrawnObject, InspectionObject } from '../../generated/prisma/client';
import { fromDbDate } from '../dates';
import type { TDomainDeps } from '../deps';

/** 抽查结果 (000 §17), as staff and the public read them. */
export const resultLabels = {
  noProblem: '未发现问题',
  rectificationOrdered: '发现问题，已责令整改',
  caseOpened: '立案查处',
  notFound: '未找到',
} as const;
export const ZResult = z.enum(['noProblem', 'rectificationOrdered', 'caseOpened', 'notFound']);

export const ZRecordResultBody = z
  .object({
    result: ZResult,
    note: z.string().trim().max(2000).default('').describe('检查情况说明'),
    caseNumber: z.string().trim().min(1).max(100).optional().describe('立案查处时：记录系统中的案件编号'),
  })
  .refine((b) => b.result !== 'caseOpened' || b.caseNumber !== undefined, {
    message: '立案查处须填写案件编号',
    path: ['caseNumber'],
  })
  .refine((b) => b.result === 'noProblem' || b.note.length >= 4, {
    message: '发现问题、立案查处或未找到时须写明情况',
    path: ['note'],
  });

export const ZObjectResult = z.object({
  objectId: z.string(),
  uscc: z.string(),
  objectName: z.string(),
  inspectors: z.array(z.object({ id: z.string(), name: z.string() })),
  result: ZResult.nullable(),
  resultLabel: z.string().nullable(),
  note: z.string().nullable(),
  caseNumber: z.string().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string().nullable(),
});

export const ZTaskResults = z.object({
  taskId: z.string(),
  endDate: z.string(),
  /** 20 working days after the inspection ends (000 §17; clock `randomInspectionDisclosure`). */
  resultsDueDate: z.string(),
  dueRule: z.string(),
  provisional: z.boolean().describe('期限跨入尚无放假安排数据的年份，待数据导入后可能变化'),
  objects: z.array(ZObjectResult),
});
export type TTaskResults = z.infer<typeof ZTaskResults>;

const objectResult = (d: DrawnObject & { object: InspectionObject }) => ({
  objectId: d.objectId,
  uscc: d.object.uscc,
  objectName: d.object.name,
  inspectors: d.inspectorIds.map((id, i) => ({ id, name: d.inspectorNames[i] ?? '' })),
  result: d.result,
  resultLabel: d.result ? resultLabels[d.result] : null,
  note: d.resultNote,
  caseNumber: d.caseNumber,
  recordedByName: d.resultByName,
  recordedAt: d.resultAt?.toISOString() ?? null,
});

/** The results of a task's current draw and their due date, counted by the one clock table. */
export async function taskResults(
  deps: TDomainDeps,
  calendar: WorkingDayCalendar,
  taskId: string,
): Promise<TTaskResults> {
  const task = await deps.db.inspectionTask.findUnique({
    where: { id: taskId },
    include: {
      draws: { where: { supersededAt: null }, include: { objects: { include: { object: true } } } },
    },
  });
  if (!task) throw new AppError('notFound', `抽查任务 ${taskId} 不存在`);
  const endDate = fromDbDate(task.endDate);
  const due = computeClockInstants(calendar, 'randomInspectionDisclosure', endDate);
  const rule = clockRules.randomInspectionDisclosure;
  return {
    taskId,
    endDate,
    resultsDueDate: due.dueDate,
    dueRule: `${rule.startsAt}起${rule.workingDays}个工作日内公示（${rule.basis}）`,
    provisional: due.provisional,
    objects: [...(task.draws[0]?.objects ?? [])].sort((a, b) => a.position - b.position).map(objectResult),
  };
}

/**
 * One object's result, recorded by one of its drawn inspectors once the task is published.
 * 立案查处 names the case opened in recording (opening it from here is still to do, docs/status.md).
 */
export async function recordResult(
  deps: TDomainDeps,
  principal: TPrincipal,
  actor: TAuditActor,
  taskId: string,
  objectId: string,
  body: z.infer<typeof ZRecordResultBody>,
  idempotency: TIdempotentRequest | undefined,
) {
  return inTransaction(deps.db, idempotency, async (tx) => {
    const task = await tx.inspectionTask.findUnique({ where: { id: taskId } });
    if (!task) throw new AppError('notFound', `抽查任务 ${taskId} 不存在`);
    if (task.status !== 'published') throw new AppError('conflict', '抽查任务尚未公布，不能登记检查结果');
    const drawn = await tx.drawnObject.findFirst({
      where: { taskId, objectId, draw: { supersededAt: null } },
      include: { object: true },
    });
    if (!drawn) throw new AppError('notFound', '该对象不在本任务的抽取结果中');
    if (!drawn.inspectorIds.includes(principal.id))
      throw new AppError('forbidden', '只有抽取到该对象的检查人员可以登记其检查结果');
    const updated = await tx.drawnObject.update({
      where: { id: drawn.id },
      data: {
        result: body.result,
        resultNote: body.note,
        caseNumber: body.caseNumber ?? null,
        resultById: principal.id,
        resultByName: principal.name,
        resultAt: deps.now(),
      },
      include: { object: true },
    });
    await writeAudit(tx, actor, drawn.result ? 'result.corrected' : 'result.recorded', taskSubject(taskId), {
      uscc: drawn.object.uscc,
      before: drawn.result,
      result: body.result,
      caseNumber: body.caseNumber ?? null,
    });
    return { status: 200, body: objectResult(updated) };
  });
}
