import { AppError, type TIdempotentRequest, type TPrincipal } from '@sanxiang/shared';
import {
  inspectionResultsSignals,
  inspectionResultsWorkflowId,
  type TResultsApproved,
} from '@sanxiang/shared/src/contracts';
import { z } from 'zod';
import { taskSubject, writeAudit, type TAuditActor } from '../../data-access/audit-log';
import { currentDrawnObjects } from '../../data-access/draw-repository';
import { findTask, updateTaskResults } from '../../data-access/plan-repository';
import type { InspectionTask } from '../../data-access/rows';
import { inTransaction, lockTask as lockTaskRow, type TTransaction } from '../../data-access/transaction';
import { enqueueWorkflowSignal } from '../../data-access/workflow-outbox';
import type { TDomainDeps } from '../deps';

/**
 * 抽查结果公示 (000 §17, 003 (六)): the results of a task are checked (核对, by the disclosure office)
 * and approved (负责人审批, by a head), then the task's workflow publishes them — within the 20
 * working days from the end of the inspection it counts. Separation of duties (审核办法 §3, #13
 * item 3): none of the task's drawn inspectors may check or approve, nor the checker approve.
 */

export const ZResultsState = z.object({
  /** The results clock as the task's workflow counted it (null until it started). */
  dueAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  provisional: z.boolean(),
  /** -1 none yet, 0 reminded, 1 escalated to the unit head, 2 to the agency head. */
  level: z.number().int(),
  checkedByName: z.string().nullable(),
  checkedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  status: z.enum(['open', 'checked', 'approved', 'published']),
  statusLabel: z.string(),
});
export type TResultsState = z.infer<typeof ZResultsState>;

const statusLabel = {
  open: '待核对',
  checked: '已核对，待负责人审批',
  approved: '已审批，公示中',
  published: '已公示',
};

export function resultsState(t: InspectionTask): TResultsState {
  const status = t.resultsPublishedAt
    ? 'published'
    : t.resultsApprovedAt
      ? 'approved'
      : t.resultsCheckedAt
        ? 'checked'
        : 'open';
  return {
    dueAt: t.resultsDueAt?.toISOString() ?? null,
    dueDate: t.resultsDueDate,
    provisional: t.resultsProvisional,
    level: t.resultsLevel,
    checkedByName: t.resultsCheckedByName,
    checkedAt: t.resultsCheckedAt?.toISOString() ?? null,
    approvedByName: t.resultsApprovedByName,
    approvedAt: t.resultsApprovedAt?.toISOString() ?? null,
    publishedAt: t.resultsPublishedAt?.toISOString() ?? null,
    status,
    statusLabel: statusLabel[status],
  };
}

/** The task (locked) and the drawn objects of its current draw. */
async function lockTask(tx: TTransaction, taskId: string) {
  await lockTaskRow(tx, taskId);
  const task = await findTask(tx, taskId);
  if (!task) throw new AppError('notFound', `抽查任务 ${taskId} 不存在`);
  const objects = await currentDrawnObjects(tx, taskId);
  return { task, objects };
}

const inspectorsOf = (objects: { inspectorIds: string[] }[]) =>
  new Set(objects.flatMap((o) => o.inspectorIds));

/** 核对: every drawn object has its result; not by one of the task's inspectors. */
export async function checkResults(
  deps: TDomainDeps,
  principal: TPrincipal,
  actor: TAuditActor,
  taskId: string,
  idempotency: TIdempotentRequest | undefined,
) {
  return inTransaction(deps.db, idempotency, async (tx) => {
    const { task, objects } = await lockTask(tx, taskId);
    if (task.status !== 'published') throw new AppError('conflict', '抽查任务尚未公布，不能核对检查结果');
    if (task.resultsPublishedAt) throw new AppError('conflict', '检查结果已公示');
    if (inspectorsOf(objects).has(principal.id))
      throw new AppError('conflict', '职责分离（审核办法 §3）：本任务的检查人员不能核对本任务的检查结果');
    const missing = objects.filter((o) => o.result === null).length;
    if (objects.length === 0 || missing > 0)
      throw new AppError('conflict', `检查结果尚未登记完毕（还有 ${missing} 个检查对象），不能核对`);
    if (task.resultsCheckedAt) return { status: 200, body: resultsState(task) };
    const updated = await updateTaskResults(tx, taskId, {
      resultsCheckedById: principal.id,
      resultsCheckedByName: principal.name,
      resultsCheckedAt: deps.now(),
    });
    await writeAudit(tx, actor, 'results.checked', taskSubject(taskId), { objects: objects.length });
    return { status: 200, body: resultsState(updated) };
  });
}

/**
 * 负责人审批: after the check, by a head who is neither one of the task's inspectors nor its checker;
 * the task's workflow is told and publishes (the signal leaves through the outbox after commit).
 */
export async function approveResults(
  deps: TDomainDeps,
  principal: TPrincipal,
  actor: TAuditActor,
  taskId: string,
  idempotency: TIdempotentRequest | undefined,
) {
  const workflowId = inspectionResultsWorkflowId(taskId);
  const answer = await inTransaction(deps.db, idempotency, async (tx) => {
    const { task, objects } = await lockTask(tx, taskId);
    if (!task.resultsCheckedAt) throw new AppError('conflict', '检查结果尚未核对，不能审批');
    if (inspectorsOf(objects).has(principal.id))
      throw new AppError('conflict', '职责分离（审核办法 §3）：本任务的检查人员不能审批本任务的检查结果');
    if (task.resultsCheckedById === principal.id)
      throw new AppError('conflict', '职责分离（审核办法 §3）：核对人不能审批自己核对的检查结果');
    if (task.resultsApprovedAt) return { status: 200, body: resultsState(task) };
    const approvedAt = deps.now();
    const updated = await updateTaskResults(tx, taskId, {
      resultsApprovedById: principal.id,
      resultsApprovedByName: principal.name,
      resultsApprovedAt: approvedAt,
    });
    await writeAudit(tx, actor, 'results.approved', taskSubject(taskId));
    const payload: TResultsApproved = {
      taskId,
      approvedById: principal.id,
      approvedAt: approvedAt.toISOString(),
    };
    await enqueueWorkflowSignal(
      tx,
      { workflowId, signal: inspectionResultsSignals.resultsApproved, payload },
      `results-approved:${taskId}`,
    );
    return { status: 200, body: resultsState(updated) };
  });
  await deps.workflows.deliver([workflowId]).catch(() => undefined);
  return answer;
}

// ---- the task workflow's calls (system token) -------------------------------------------------

export const ZResultsClockBody = z.object({
  dueDate: z.string(),
  dueAt: z.iso.datetime({ offset: true }),
  remindAt: z.iso.datetime({ offset: true }),
  escalateAt: z.iso.datetime({ offset: true }),
  secondEscalateAt: z.iso.datetime({ offset: true }),
  provisional: z.boolean(),
});
export const ZResultsEscalationBody = z.object({
  level: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  reason: z.string().min(1).max(2000),
  dueAt: z.iso.datetime({ offset: true }),
  at: z.iso.datetime({ offset: true }),
  notifiedNames: z.array(z.string().max(100)).max(200),
});
export const ZPublishResultsBody = z.object({ workflowId: z.string().min(1).max(200) });

export async function recordResultsClock(
  deps: TDomainDeps,
  actor: TAuditActor,
  taskId: string,
  body: z.infer<typeof ZResultsClockBody>,
  idempotency: TIdempotentRequest | undefined,
) {
  return inTransaction(deps.db, idempotency, async (tx) => {
    await lockTask(tx, taskId);
    await updateTaskResults(tx, taskId, {
      resultsDueAt: new Date(body.dueAt),
      resultsDueDate: body.dueDate,
      resultsProvisional: body.provisional,
    });
    await writeAudit(tx, actor, 'results.clock', taskSubject(taskId), body);
    return { status: 200, body: { ok: true as const } };
  });
}

export async function recordResultsEscalation(
  deps: TDomainDeps,
  actor: TAuditActor,
  taskId: string,
  body: z.infer<typeof ZResultsEscalationBody>,
  idempotency: TIdempotentRequest | undefined,
) {
  return inTransaction(deps.db, idempotency, async (tx) => {
    const { task } = await lockTask(tx, taskId);
    await updateTaskResults(tx, taskId, { resultsLevel: Math.max(task.resultsLevel, body.level) });
    await writeAudit(
      tx,
      actor,
      body.level === 0 ? 'results.reminded' : 'results.escalated',
      taskSubject(taskId),
      body,
    );
    return { status: 200, body: { ok: true as const } };
  });
}

/** The workflow publishes approved results; a repeat answers the first publication. */
export async function publishResults(
  deps: TDomainDeps,
  actor: TAuditActor,
  taskId: string,
  body: z.infer<typeof ZPublishResultsBody>,
  idempotency: TIdempotentRequest | undefined,
) {
  return inTransaction(deps.db, idempotency, async (tx) => {
    const { task } = await lockTask(tx, taskId);
    if (task.resultsPublishedAt)
      return { status: 200, body: { publishedAt: task.resultsPublishedAt.toISOString() } };
    if (!task.resultsApprovedAt) throw new AppError('conflict', '检查结果尚未经负责人审批，不能公示');
    const publishedAt = deps.now();
    await updateTaskResults(tx, taskId, { resultsPublishedAt: publishedAt });
    await writeAudit(tx, actor, 'results.published', taskSubject(taskId), { workflowId: body.workflowId });
    return { status: 200, body: { publishedAt: publishedAt.toISOString() } };
  });
}
