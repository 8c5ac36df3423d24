import type { Api } from '@sanxiang/shared';
import { z } from 'zod';
import type { TDomainDeps } from '../../domain/deps';
import {
  recordResult,
  taskResults,
  ZObjectResult,
  ZRecordResultBody,
  ZTaskResults,
} from '../../domain/results/results';
import { actorOf, problem, staff } from './http-context';

/** 抽查结果: per object, by its drawn inspectors; due 20 working days after the inspection ends. */
export function resultRoutes(api: Api, deps: TDomainDeps): void {
  api.route({
    method: 'get',
    path: '/tasks/{taskId}/results',
    summary: '抽查任务的检查结果及公示期限（检查结束之日起20个工作日）',
    tags: ['results'],
    access: staff,
    request: { params: z.object({ taskId: z.uuid() }) },
    responses: { 200: { description: '结果', schema: ZTaskResults } },
    handler: async ({ params }) => ({ body: await taskResults(deps, await deps.calendar(), params.taskId) }),
  });

  api.route({
    method: 'put',
    path: '/tasks/{taskId}/results/{objectId}',
    summary:
      '登记一个对象的检查结果（未发现问题 / 发现问题已责令整改 / 立案查处 / 未找到），限抽取到该对象的检查人员',
    tags: ['results'],
    access: ['officer'],
    idempotent: true,
    request: { params: z.object({ taskId: z.uuid(), objectId: z.uuid() }), body: ZRecordResultBody },
    responses: {
      200: { description: '已登记', schema: ZObjectResult },
      409: problem('任务尚未公布'),
    },
    handler: async (ctx) =>
      recordResult(
        deps,
        ctx.principal,
        actorOf(ctx),
        ctx.params.taskId,
        ctx.params.objectId,
        ctx.body,
        ctx.idempotency,
      ),
  });
}
