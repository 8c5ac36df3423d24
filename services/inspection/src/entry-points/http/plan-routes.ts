import { AppError, type Api } from '@sanxiang/shared';
import { ZIsoDate } from '@sanxiang/shared/src/domain/identifiers';
import { ZInspectorPool } from '@sanxiang/shared/src/contracts';
import { z } from 'zod';
import {
  declareConflict,
  listConflicts,
  withdrawConflict,
  ZConflictView,
  ZDeclareConflictBody,
  ZWithdrawConflictBody,
} from '../../domain/conflicts/conflicts';
import { findItem } from '../../data-access/catalogue-repository';
import { findTaskWithItem, listPlanRows, listTasksOfPlan } from '../../data-access/plan-repository';
import type { TDomainDeps } from '../../domain/deps';
import { drawTask, listDraws, ZDrawBody, ZDrawView } from '../../domain/draw/draw-task';
import {
  createPlan,
  createTask,
  planView,
  publishPlan,
  publishTask,
  taskView,
  ZCreatePlanBody,
  ZCreateTaskBody,
  ZPlanView,
  ZTaskView,
} from '../../domain/plans/plans';
import { actorOf, declarers, organisers, problem, staff } from './http-context';

const ZPlanParams = z.object({ planId: z.uuid() });
const ZTaskParams = z.object({ taskId: z.uuid() });

/** Conflicts of interest, the inspector pool, plans, tasks and their draws. */
export function planRoutes(api: Api, deps: TDomainDeps): void {
  api.route({
    method: 'post',
    path: '/conflicts',
    summary: '申报利益冲突（本人；负责人、管理员可为他人登记）：此后抽取不会把该人员派往该对象',
    tags: ['conflicts'],
    access: declarers,
    idempotent: true,
    request: { body: ZDeclareConflictBody },
    responses: {
      201: { description: '已登记', schema: ZConflictView },
      404: problem('检查对象名录库中没有该对象'),
    },
    handler: async (ctx) => declareConflict(deps.db, ctx.principal, actorOf(ctx), ctx.body, ctx.idempotency),
  });

  api.route({
    method: 'get',
    path: '/conflicts',
    summary: '利益冲突申报（按人员或对象）',
    tags: ['conflicts'],
    access: staff,
    request: {
      query: z.object({ inspectorId: z.string().max(100).optional(), objectId: z.uuid().optional() }),
    },
    responses: { 200: { description: '申报', schema: z.array(ZConflictView) } },
    handler: async ({ query }) => ({ body: await listConflicts(deps.db, query) }),
  });

  api.route({
    method: 'post',
    path: '/conflicts/{conflictId}/withdrawal',
    summary: '撤回利益冲突申报（写明理由）',
    tags: ['conflicts'],
    access: organisers,
    idempotent: true,
    request: { params: z.object({ conflictId: z.uuid() }), body: ZWithdrawConflictBody },
    responses: { 200: { description: '已撤回', schema: ZConflictView }, 409: problem('已撤回') },
    handler: async (ctx) =>
      withdrawConflict(
        deps.db,
        actorOf(ctx),
        ctx.params.conflictId,
        ctx.body.reason,
        deps.now(),
        ctx.idempotency,
      ),
  });

  api.route({
    method: 'get',
    path: '/inspectors',
    summary: '执法检查人员名录库：该事项的执法类别与区域、在整个检查期间持有效执法证的人员（来自人员目录）',
    tags: ['inspectors'],
    access: organisers,
    request: {
      query: z.object({ itemCode: z.string().trim().min(1).max(40), from: ZIsoDate, to: ZIsoDate }),
    },
    responses: {
      200: { description: '检查人员', schema: ZInspectorPool },
      404: problem('事项不存在'),
      503: problem('人员目录不可用'),
    },
    handler: async ({ query }) => {
      const item = await findItem(deps.db, query.itemCode);
      if (!item) throw new AppError('notFound', `事项 ${query.itemCode} 不存在`);
      return {
        body: await deps.directory.inspectors({
          from: query.from,
          to: query.to,
          category: item.enforcementCategory,
          area: item.enforcementArea,
        }),
      };
    },
  });

  api.route({
    method: 'post',
    path: '/plans',
    summary: '新建抽查计划',
    tags: ['plans'],
    access: organisers,
    idempotent: true,
    request: { body: ZCreatePlanBody },
    responses: { 201: { description: '已新建', schema: ZPlanView } },
    handler: async (ctx) => createPlan(deps.db, actorOf(ctx), ctx.body, ctx.idempotency),
  });

  api.route({
    method: 'get',
    path: '/plans',
    summary: '抽查计划（含草稿）',
    tags: ['plans'],
    access: staff,
    responses: { 200: { description: '计划', schema: z.array(ZPlanView) } },
    handler: async () => ({ body: (await listPlanRows(deps.db)).map(planView) }),
  });

  api.route({
    method: 'get',
    path: '/plans/{planId}/tasks',
    summary: '计划的抽查任务',
    tags: ['plans'],
    access: staff,
    request: { params: ZPlanParams },
    responses: { 200: { description: '任务', schema: z.array(ZTaskView) } },
    handler: async ({ params }) => ({ body: (await listTasksOfPlan(deps.db, params.planId)).map(taskView) }),
  });

  api.route({
    method: 'post',
    path: '/plans/{planId}/publication',
    summary: '公布抽查计划',
    tags: ['plans'],
    access: organisers,
    request: { params: ZPlanParams },
    responses: { 200: { description: '已公布', schema: ZPlanView } },
    handler: async (ctx) => publishPlan(deps.db, actorOf(ctx), ctx.params.planId, deps.now()),
  });

  api.route({
    method: 'post',
    path: '/plans/{planId}/tasks',
    summary: '新建抽查任务（事项、抽取数量或比例、每个对象的检查人员数（至少2名）、检查期间）',
    tags: ['plans'],
    access: organisers,
    idempotent: true,
    request: { params: ZPlanParams, body: ZCreateTaskBody },
    responses: { 201: { description: '已新建', schema: ZTaskView }, 422: problem('事项不存在或未定比例') },
    handler: async (ctx) => createTask(deps.db, actorOf(ctx), ctx.params.planId, ctx.body, ctx.idempotency),
  });

  api.route({
    method: 'get',
    path: '/tasks/{taskId}',
    summary: '抽查任务',
    tags: ['tasks'],
    access: staff,
    request: { params: ZTaskParams },
    responses: { 200: { description: '任务', schema: ZTaskView } },
    handler: async ({ params }) => {
      const task = await findTaskWithItem(deps.db, params.taskId);
      if (!task) throw new AppError('notFound', `抽查任务 ${params.taskId} 不存在`);
      return { body: taskView(task) };
    },
  });

  api.route({
    method: 'post',
    path: '/tasks/{taskId}/draws',
    summary:
      '双随机抽取：按比例或数量抽取对象，每个对象至少两名检查人员，排除利益冲突（事项规定时排除上次检查人员）；记录种子与算法；再次抽取须写明理由',
    tags: ['tasks'],
    access: organisers,
    idempotent: true,
    request: { params: ZTaskParams, body: ZDrawBody },
    responses: {
      201: { description: '抽取结果', schema: ZDrawView },
      409: problem('已公布的任务不能重新抽取'),
      422: problem('重抽未写理由、对象或检查人员不足'),
      503: problem('人员目录不可用'),
    },
    handler: async (ctx) => drawTask(deps, actorOf(ctx), ctx.params.taskId, ctx.body, ctx.idempotency),
  });

  api.route({
    method: 'get',
    path: '/tasks/{taskId}/draws',
    summary: '任务的全部抽取记录（含被重抽取代的记录及重抽理由）',
    tags: ['tasks'],
    access: staff,
    request: { params: ZTaskParams },
    responses: { 200: { description: '抽取记录', schema: z.array(ZDrawView) } },
    handler: async ({ params }) => ({ body: await listDraws(deps, params.taskId) }),
  });

  api.route({
    method: 'post',
    path: '/tasks/{taskId}/publication',
    summary: '公布抽查任务及抽取结果（按批次公布抽查对象名单，004 §4(6)）',
    tags: ['tasks'],
    access: organisers,
    request: { params: ZTaskParams },
    responses: { 200: { description: '已公布', schema: ZTaskView }, 409: problem('未抽取或计划未公布') },
    handler: async (ctx) => publishTask(deps.db, deps.workflows, actorOf(ctx), ctx.params.taskId, deps.now()),
  });
}
