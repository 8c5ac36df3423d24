import { AppError, type TIdempotentRequest, type TReader } from '@sanxiang/shared';
import { z } from 'zod';
import { taskSubject, writeAudit, type TAuditActor } from '../../data-access/audit-log';
import { listDrawableObjects } from '../../data-access/catalogue-repository';
import { standingConflicts } from '../../data-access/conflict-repository';
import {
  createDraw,
  latestDraw,
  listDrawRows,
  otherTasksAssignments,
  supersedeDraws,
} from '../../data-access/draw-repository';
import { findTaskWithItem, markTaskDrawn } from '../../data-access/plan-repository';
import type { DrawnObject, TaskDraw } from '../../data-access/rows';
import { inTransaction, lockTask } from '../../data-access/transaction';
import { fromDbDate } from '../dates';
import type { TDomainDeps } from '../deps';
import {
  allocateStrata,
  drawAlgorithm,
  isDrawSeed,
  runDraw,
  stratifiedDrawAlgorithm,
  type TDrawInput,
  type TDrawnAssignment,
} from './draw-algorithm';

export const ZDrawBody = z.object({
  seed: z
    .number()
    .int()
    .min(0)
    .max(0xffff_ffff)
    .optional()
    .describe('随机种子（0–4294967295）；不给时由系统以密码学随机数生成。可用公开摇号产生的数'),
  reason: z
    .string()
    .trim()
    .min(5, '重新抽取须写明理由')
    .max(1000)
    .optional()
    .describe('重新抽取的理由（第二次起必填）'),
});

const ZDrawInput = z.object({
  objects: z.array(
    z.object({ id: z.string(), uscc: z.string(), name: z.string(), stratum: z.string().optional() }),
  ),
  inspectors: z.array(z.object({ id: z.string(), name: z.string() })),
  conflicts: z.array(z.object({ inspectorId: z.string(), objectId: z.string() })),
  previous: z.array(z.object({ objectId: z.string(), inspectorIds: z.array(z.string()) })),
  objectCount: z.number().int(),
  inspectorsPerObject: z.number().int(),
  strata: z
    .array(
      z.object({
        by: z.enum(['district', 'kind']),
        key: z.string(),
        poolSize: z.number().int(),
        count: z.number().int(),
      }),
    )
    .optional()
    .describe('分层抽取（sanxiang-draw-v2-stratified）：各层（按层的键排序）的对象数与应抽数'),
});

export const ZDrawView = z.object({
  id: z.string(),
  taskId: z.string(),
  number: z.number().int().describe('第几次抽取（1 为首次）'),
  seed: z.number().int(),
  algorithm: z.string(),
  reason: z.string().nullable(),
  drawnByName: z.string(),
  drawnAt: z.string(),
  superseded: z.boolean(),
  input: ZDrawInput.describe(
    '抽取所依据的全部输入（按序的对象库、检查人员库、回避关系），任何人可据此与种子复现',
  ),
  assignments: z.array(
    z.object({
      position: z.number().int(),
      objectId: z.string(),
      uscc: z.string(),
      objectName: z.string(),
      inspectors: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  ),
});
export type TDrawView = z.infer<typeof ZDrawView>;

export function drawView(draw: TaskDraw & { objects: DrawnObject[] }): TDrawView {
  const input = draw.input as unknown as TDrawInput;
  const objects = new Map(input.objects.map((o) => [o.id, o]));
  return {
    id: draw.id,
    taskId: draw.taskId,
    number: draw.number,
    seed: Number(draw.seed),
    algorithm: draw.algorithm,
    reason: draw.reason,
    drawnByName: draw.drawnByName,
    drawnAt: draw.drawnAt.toISOString(),
    superseded: draw.supersededAt !== null,
    input,
    assignments: [...draw.objects]
      .sort((a, b) => a.position - b.position)
      .map((d) => ({
        position: d.position,
        objectId: d.objectId,
        uscc: objects.get(d.objectId)?.uscc ?? '',
        objectName: objects.get(d.objectId)?.name ?? '',
        inspectors: d.inspectorIds.map((id, i) => ({ id, name: d.inspectorNames[i] ?? '' })),
      })),
  };
}

/** Last time's inspectors of each object: its assignment in the newest current draw of another task of the item. */
async function previousInspectors(db: TReader, itemId: string, taskId: string, objectIds: string[]) {
  const rows = await otherTasksAssignments(db, itemId, taskId, objectIds);
  const latest = new Map<string, string[]>();
  for (const r of rows) if (!latest.has(r.objectId)) latest.set(r.objectId, r.inspectorIds);
  return [...latest.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([objectId, inspectorIds]) => ({ objectId, inspectorIds }));
}

/**
 * 双随机 draw of a task: the object pool (by ratio or count), then at least two inspectors per
 * object from the directory's pool of people certified for the item's category and area over the
 * whole inspection window, excluding declared conflicts and, where the item says so, last time's
 * inspectors. The seed, the algorithm and the complete ordered input are stored (and published with
 * the task), so anyone re-draws the same result. A redraw needs a reason and supersedes the draw
 * before it; a published task is not redrawn.
 */
export async function drawTask(
  deps: TDomainDeps,
  actor: TAuditActor,
  taskId: string,
  body: z.infer<typeof ZDrawBody>,
  idempotency: TIdempotentRequest | undefined,
) {
  const found = await findTaskWithItem(deps.db, taskId);
  if (!found) throw new AppError('notFound', `抽查任务 ${taskId} 不存在`);
  // Outside the transaction: an HTTP call. The pool is stored with the draw as it was used.
  const pool = await deps.directory.inspectors({
    from: fromDbDate(found.startDate),
    to: fromDbDate(found.endDate),
    category: found.item.enforcementCategory,
    area: found.item.enforcementArea,
  });
  const seed = body.seed ?? deps.newSeed();
  if (!isDrawSeed(seed)) throw new Error(`newSeed gave ${seed}`);
  return inTransaction(deps.db, idempotency, async (tx) => {
    await lockTask(tx, taskId);
    const task = await findTaskWithItem(tx, taskId);
    if (!task) throw new AppError('notFound', `抽查任务 ${taskId} 不存在`);
    if (task.status === 'published') throw new AppError('conflict', '该任务的抽取结果已公布，不能重新抽取');
    const last = await latestDraw(tx, taskId);
    if (last && !body.reason) throw new AppError('unprocessable', '该任务已抽取过：重新抽取须写明理由');
    const rows = await listDrawableObjects(tx, task.district);
    if (rows.length === 0) throw new AppError('unprocessable', '检查对象名录库中没有可抽取的对象');
    const stratifyBy = task.item.stratifyBy;
    const objects = rows.map((o) => ({
      id: o.id,
      uscc: o.uscc,
      name: o.name,
      ...(stratifyBy ? { stratum: o[stratifyBy] } : {}),
    }));
    const strata = stratifyBy
      ? allocateStrata(
          stratifyBy,
          [
            ...objects.reduce(
              (sizes, o) => sizes.set(o.stratum ?? '', (sizes.get(o.stratum ?? '') ?? 0) + 1),
              new Map<string, number>(),
            ),
          ].map(([key, poolSize]) => ({ key, poolSize })),
          task.objectCount !== null
            ? { count: Math.min(task.objectCount, objects.length) }
            : { ratioPercent: task.ratioPercent ?? 0 },
        )
      : undefined;
    const objectCount = strata
      ? strata.reduce((n, st) => n + st.count, 0)
      : (task.objectCount ?? Math.ceil((objects.length * (task.ratioPercent ?? 0)) / 100));
    if (objectCount > objects.length || (task.objectCount ?? 0) > objects.length)
      throw new AppError(
        'unprocessable',
        `需抽取 ${task.objectCount ?? objectCount} 个对象，名录库中只有 ${objects.length} 个`,
      );
    const objectIds = objects.map((o) => o.id);
    const conflicts = await standingConflicts(tx, objectIds);
    const input: TDrawInput = {
      objects,
      inspectors: pool.inspectors.map((i) => ({ id: i.personId, name: i.name })),
      conflicts,
      previous: task.item.excludePreviousInspectors
        ? await previousInspectors(tx, task.itemId, taskId, objectIds)
        : [],
      objectCount,
      inspectorsPerObject: task.inspectorsPerObject,
      ...(strata ? { strata } : {}),
    };
    const algorithm = strata ? stratifiedDrawAlgorithm : drawAlgorithm;
    const outcome = runDraw(input, seed);
    if (!outcome.ok) {
      const names = new Map(objects.map((o) => [o.id, o.name]));
      throw new AppError(
        'unprocessable',
        `可抽取的检查人员不足（每个对象须 ${task.inspectorsPerObject} 名，已排除利益冲突${
          task.item.excludePreviousInspectors ? '和上次检查人员' : ''
        }）：${outcome.short.map((s) => `${names.get(s.objectId)} 仅 ${s.eligible} 名`).join('；')}`,
      );
    }
    if (last) await supersedeDraws(tx, taskId, deps.now());
    const inspectorName = new Map(input.inspectors.map((i) => [i.id, i.name]));
    const draw = await createDraw(tx, {
      taskId,
      number: (last?.number ?? 0) + 1,
      seed: BigInt(seed),
      algorithm,
      input: input as never,
      result: { assignments: outcome.assignments } as never,
      reason: body.reason ?? null,
      drawnById: actor.id,
      drawnByName: actor.name,
      drawnAt: deps.now(),
      objects: {
        create: outcome.assignments.map((a: TDrawnAssignment, position) => ({
          taskId,
          objectId: a.objectId,
          position,
          inspectorIds: a.inspectorIds,
          inspectorNames: a.inspectorIds.map((id) => inspectorName.get(id) ?? id),
        })),
      },
    });
    await markTaskDrawn(tx, taskId);
    await writeAudit(tx, actor, last ? 'task.redrawn' : 'task.drawn', taskSubject(taskId), {
      drawId: draw.id,
      number: draw.number,
      seed,
      algorithm,
      reason: body.reason ?? null,
      objects: outcome.assignments.length,
    });
    return { status: 201, body: drawView(draw) };
  });
}

export async function listDraws(deps: TDomainDeps, taskId: string) {
  return (await listDrawRows(deps.db, taskId)).map(drawView);
}
