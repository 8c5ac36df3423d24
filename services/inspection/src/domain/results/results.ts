import { inspectionResultLabel } from '@sanxiang/shared/src/contracts';
import { AppError, type TIdempotentRequest, type TPrincipal, type TReader } from '@sanxiang/shared';
import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { clockRules, computeClockInstants } from '@sanxiang/shared/src/clocks';
import { z } from 'zod';
import { taskSubject, writeAudit, type TAuditActor } from '../../data-access/audit-log';
import {
  findCurrentDrawnObject,
  findCurrentDrawnObjectWithTask,
  updateDrawnResult,
} from '../../data-access/draw-repository';
import { findTask, findTaskWithCurrentObjects, updateTaskResults } from '../../data-access/plan-repository';
import type { DrawnObject, InspectionObject } from '../../data-access/rows';
import { inTransaction } from '../../data-access/transaction';
import { fromDbDate } from '../dates';
import type { TDomainDeps } from '../deps';
import { resultsState, ZResultsState } from './publication';

/** 抽查结果 (000 §17), as staff and the public read them. */
export const resultLabels = inspectionResultLabel;
export const ZResult = z.enum(['noProblem', 'rectificationOrdered', 'caseOpened', 'notFound']);

export const ZRecordResultBody = z
  .object({
    result: ZResult,
    note: z.string().trim().max(2000).default('').describe('检查情况说明'),
    caseTitle: z
      .string()
      .trim()
      .min(2)
      .max(200)
      .optional()
      .describe(
        '立案查处时的案由（默认“<抽查事项>中发现的违法行为”）；案件由本系统在记录系统中立案，案号自动生成',
      ),
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
  /** 核对、审批、公示 and the workflow's clock (domain/results/publication.ts). */
  publication: ZResultsState,
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
  const task = await findTaskWithCurrentObjects(deps.db, taskId);
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
    publication: resultsState(task),
  };
}

/** The 案号 of the case a 立案查处 result opens: unique per task and object, readable. */
export const inspectionCaseNumber = (year: number, itemCode: string, taskId: string, position: number) =>
  `双随机〔${year}〕${itemCode}-${taskId.slice(0, 8)}-${position + 1}号`;

/** 当事人 kind of an object from its pool kind (企业 and the like are legal persons). */
const partyKindOf = (kind: string) => (kind.includes('个体') ? 'otherOrganisation' : 'legalPerson');

/**
 * 立案查处 (issue 15): the case is opened in the recording service, on behalf of the inspector who
 * records the result, with the object's drawn inspectors as its officers (each certified today for
 * the item's category and area); its lifecycle starts there and keeps the 7-working-day rule for
 * the decision (#13 item 4). Idempotent per drawn object; the case number is generated.
 */
async function openInspectionCase(
  deps: TDomainDeps,
  principal: TPrincipal,
  taskId: string,
  objectId: string,
  caseTitle: string | undefined,
): Promise<string> {
  const drawn = await findCurrentDrawnObjectWithTask(deps.db, taskId, objectId);
  if (!drawn) throw new AppError('notFound', '该对象不在本任务的抽取结果中');
  if (drawn.caseNumber) return drawn.caseNumber;
  const { task } = drawn.draw;
  const today = (await deps.calendar()).dateInShanghai(deps.now());
  const pool = await deps.directory.inspectors({
    from: today,
    to: today,
    category: task.item.enforcementCategory,
    area: task.item.enforcementArea,
  });
  const certified = new Map(pool.inspectors.map((i) => [i.personId, i]));
  const uncertified = drawn.inspectorIds.filter((id) => !certified.has(id));
  if (uncertified.length > 0)
    throw new AppError(
      'conflict',
      `立案须由持有效执法证的检查人员办理：${uncertified
        .map((id) => drawn.inspectorNames[drawn.inspectorIds.indexOf(id)] ?? id)
        .join('、')} 今日的执法证不覆盖本事项的执法类别或区域`,
    );
  const caseNumber = inspectionCaseNumber(task.plan.year, task.item.code, task.id, drawn.position);
  await deps.recording.openCase(
    {
      case: {
        caseNumber,
        title: caseTitle ?? `${task.item.name}中发现的违法行为（${drawn.object.name}）`,
        handlingUnit: task.item.subject,
        enforcementCategory: task.item.enforcementCategory,
        enforcementArea: task.item.enforcementArea,
        party: {
          kind: partyKindOf(drawn.object.kind),
          name: drawn.object.name,
          idNumber: drawn.object.uscc,
          isMinor: false,
        },
        officers: drawn.inspectorIds.map((id) => ({
          userId: id,
          name: certified.get(id)!.name,
          certificateNumber: certified.get(id)!.certificateNumber,
        })),
      },
      openedBy: {
        id: principal.id,
        name: principal.name,
        ...(principal.unitId ? { unitId: principal.unitId } : {}),
      },
      source: { kind: 'randomInspection', taskId, objectId },
    },
    `inspection-case:${drawn.id}`,
  );
  return caseNumber;
}

/**
 * One object's result, recorded by one of its drawn inspectors once the task is published.
 * 立案查处 opens the case in recording first (openInspectionCase); a result with an opened case
 * stays 立案查处.
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
  const check = async (db: TReader) => {
    const task = await findTask(db, taskId);
    if (!task) throw new AppError('notFound', `抽查任务 ${taskId} 不存在`);
    if (task.status !== 'published') throw new AppError('conflict', '抽查任务尚未公布，不能登记检查结果');
    const drawn = await findCurrentDrawnObject(db, taskId, objectId);
    if (!drawn) throw new AppError('notFound', '该对象不在本任务的抽取结果中');
    if (drawn.caseNumber && body.result !== 'caseOpened')
      throw new AppError('conflict', `已就该对象立案（案号 ${drawn.caseNumber}），检查结果只能是立案查处`);
    if (!drawn.inspectorIds.includes(principal.id))
      throw new AppError('forbidden', '只有抽取到该对象的检查人员可以登记其检查结果');
    if (task.resultsApprovedAt)
      throw new AppError('conflict', '检查结果已经负责人审批（或已公示），不能更改');
    return { task, drawn };
  };
  // Refusals first, then the case (an HTTP call: outside the transaction), then the result.
  await check(deps.db);
  const caseNumber =
    body.result === 'caseOpened'
      ? await openInspectionCase(deps, principal, taskId, objectId, body.caseTitle)
      : null;
  return inTransaction(deps.db, idempotency, async (tx) => {
    const { task, drawn } = await check(tx);
    // A change after the check needs a new check.
    if (task.resultsCheckedAt)
      await updateTaskResults(tx, taskId, {
        resultsCheckedAt: null,
        resultsCheckedById: null,
        resultsCheckedByName: null,
      });
    const updated = await updateDrawnResult(tx, drawn.id, {
      result: body.result,
      resultNote: body.note,
      caseNumber: caseNumber ?? drawn.caseNumber,
      resultById: principal.id,
      resultByName: principal.name,
      resultAt: deps.now(),
    });
    await writeAudit(tx, actor, drawn.result ? 'result.corrected' : 'result.recorded', taskSubject(taskId), {
      uscc: drawn.object.uscc,
      before: drawn.result,
      result: body.result,
      caseNumber,
    });
    return { status: 200, body: objectResult(updated) };
  });
}
