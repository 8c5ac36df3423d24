import { AppError, type Api } from '@sanxiang/shared';
import { z } from 'zod';
import { currentResults } from '../../data-access/draw-repository';
import { findTask, listTasksWithPublishedResults } from '../../data-access/plan-repository';
import type { TDomainDeps } from '../../domain/deps';
import {
  approveResults,
  checkResults,
  publishResults,
  recordResultsClock,
  recordResultsEscalation,
  ZPublishResultsBody,
  ZResultsClockBody,
  ZResultsEscalationBody,
  ZResultsState,
} from '../../domain/results/publication';
import { resultLabels, ZResult } from '../../domain/results/results';
import { fromDbDate } from '../../domain/dates';
import { actorOf, problem } from './http-context';

const ZTaskParams = z.object({ taskId: z.uuid() });
const ZOk = z.object({ ok: z.literal(true) });

export const ZPublicResult = z.object({
  taskId: z.string(),
  taskName: z.string(),
  planName: z.string(),
  itemName: z.string(),
  uscc: z.string(),
  objectName: z.string(),
  result: ZResult,
  resultLabel: z.string(),
  /** 立案查处: the case, whose decision is published by its own lifecycle (7 working days). */
  caseNumber: z.string().nullable(),
  endDate: z.string(),
  publishedAt: z.string(),
});

/** 抽查结果公示: check, head approval, and the task workflow's publication; the public results. */
export function publicationRoutes(api: Api, deps: TDomainDeps): void {
  api.route({
    method: 'post',
    path: '/tasks/{taskId}/results/check',
    summary: '核对本任务的全部检查结果（公示工作人员；本任务的检查人员不能核对）',
    tags: ['results'],
    access: ['discloser'],
    idempotent: true,
    request: { params: ZTaskParams },
    responses: {
      200: { description: '已核对', schema: ZResultsState },
      409: problem('结果未登记完毕或职责分离'),
    },
    handler: async (ctx) =>
      checkResults(deps, ctx.principal, actorOf(ctx), ctx.params.taskId, ctx.idempotency),
  });

  api.route({
    method: 'post',
    path: '/tasks/{taskId}/results/approval',
    summary: '负责人审批检查结果（不能是本任务的检查人员或核对人）；审批后由任务流程公示',
    tags: ['results'],
    access: ['head'],
    idempotent: true,
    request: { params: ZTaskParams },
    responses: { 200: { description: '已审批', schema: ZResultsState }, 409: problem('未核对或职责分离') },
    handler: async (ctx) =>
      approveResults(deps, ctx.principal, actorOf(ctx), ctx.params.taskId, ctx.idempotency),
  });

  api.route({
    method: 'post',
    path: '/internal/tasks/{taskId}/results-clock',
    summary: '内部：任务流程记录结果公示期限（检查结束之日起20个工作日）',
    tags: ['internal'],
    access: ['system'],
    idempotent: true,
    request: { params: ZTaskParams, body: ZResultsClockBody },
    responses: { 200: { description: '已记录', schema: ZOk } },
    handler: async (ctx) =>
      recordResultsClock(deps, actorOf(ctx), ctx.params.taskId, ctx.body, ctx.idempotency),
  });

  api.route({
    method: 'post',
    path: '/internal/tasks/{taskId}/results-escalations',
    summary: '内部：任务流程记录提醒与督办',
    tags: ['internal'],
    access: ['system'],
    idempotent: true,
    request: { params: ZTaskParams, body: ZResultsEscalationBody },
    responses: { 200: { description: '已记录', schema: ZOk } },
    handler: async (ctx) =>
      recordResultsEscalation(deps, actorOf(ctx), ctx.params.taskId, ctx.body, ctx.idempotency),
  });

  api.route({
    method: 'post',
    path: '/internal/tasks/{taskId}/results-publication',
    summary: '内部：任务流程公示已审批的检查结果',
    tags: ['internal'],
    access: ['system'],
    idempotent: true,
    request: { params: ZTaskParams, body: ZPublishResultsBody },
    responses: {
      200: { description: '已公示', schema: z.object({ publishedAt: z.string() }) },
      409: problem('未经审批'),
    },
    handler: async (ctx) => publishResults(deps, actorOf(ctx), ctx.params.taskId, ctx.body, ctx.idempotency),
  });

  api.route({
    method: 'get',
    path: '/public/results',
    summary: '公开：已公示的随机抽查结果（q 检索对象名称、统一社会信用代码、任务名称；可按年度筛选）',
    tags: ['public'],
    access: 'public',
    request: {
      query: z.object({
        q: z.string().trim().max(100).optional(),
        year: z.coerce.number().int().min(2000).max(2100).optional(),
        taskId: z.uuid().optional(),
      }),
    },
    responses: { 200: { description: '结果', schema: z.array(ZPublicResult) } },
    handler: async ({ query }) => {
      const tasks = await listTasksWithPublishedResults(deps.db, query);
      const rows = tasks.flatMap((t) =>
        [...(t.draws[0]?.objects ?? [])]
          .sort((a, b) => a.position - b.position)
          .filter((o) => o.result !== null)
          .map((o) => ({
            taskId: t.id,
            taskName: t.name,
            planName: t.plan.name,
            itemName: t.item.name,
            uscc: o.object.uscc,
            objectName: o.object.name,
            result: o.result!,
            resultLabel: resultLabels[o.result!],
            caseNumber: o.caseNumber,
            endDate: fromDbDate(t.endDate),
            publishedAt: t.resultsPublishedAt!.toISOString(),
          })),
      );
      const q = query.q;
      return {
        body: q
          ? rows.filter((r) => [r.objectName, r.uscc, r.taskName, r.itemName].some((s) => s.includes(q)))
          : rows,
      };
    },
  });

  api.route({
    method: 'get',
    path: '/public/tasks/{taskId}/results',
    summary: '公开：一个抽查任务已公示的检查结果',
    tags: ['public'],
    access: 'public',
    request: { params: ZTaskParams },
    responses: { 200: { description: '结果', schema: z.array(ZPublicResult) } },
    handler: async ({ params }) => {
      const task = await findTask(deps.db, params.taskId);
      if (!task?.resultsPublishedAt) throw new AppError('notFound', '该抽查任务的检查结果尚未公示');
      const rows = await currentResults(deps.db, params.taskId);
      return {
        body: rows.map((o) => ({
          taskId: task.id,
          taskName: task.name,
          planName: o.draw.task.plan.name,
          itemName: o.draw.task.item.name,
          uscc: o.object.uscc,
          objectName: o.object.name,
          result: o.result!,
          resultLabel: resultLabels[o.result!],
          caseNumber: o.caseNumber,
          endDate: fromDbDate(task.endDate),
          publishedAt: task.resultsPublishedAt!.toISOString(),
        })),
      };
    },
  });
}
