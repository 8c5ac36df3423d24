import { AppError, type Api } from '@sanxiang/shared';
import { z } from 'zod';
import { findTaskWithDraws, listPublishedPlans } from '../../data-access/plan-repository';
import type { TDomainDeps } from '../../domain/deps';
import { drawView, ZDrawView } from '../../domain/draw/draw-task';
import { listItems, ZItemView } from '../../domain/items/items';
import { planView, taskView, ZPlanView, ZTaskView } from '../../domain/plans/plans';

const ZPublicTask = ZTaskView.extend({
  /** The current draw (the last one), with its seed, algorithm and input. */
  draw: ZDrawView.nullable(),
  /** Earlier draws replaced by a redraw, with the reason of each redraw. */
  supersededDraws: z.array(ZDrawView),
});

/** What the public platform shows (抽查事项、抽查计划、抽查任务): published things only. */
export function publicRoutes(api: Api, deps: TDomainDeps): void {
  api.route({
    method: 'get',
    path: '/public/items',
    summary: '公开：随机抽查事项清单（q 检索事项名称、对象、内容）',
    tags: ['public'],
    access: 'public',
    request: { query: z.object({ q: z.string().trim().max(100).optional() }) },
    responses: { 200: { description: '事项', schema: z.array(ZItemView) } },
    handler: async ({ query }) => {
      const items = await listItems(deps.db, true);
      const q = query.q;
      return {
        body: q
          ? items.filter((i) => [i.name, i.objectScope, i.content, i.code].some((t) => t.includes(q)))
          : items,
      };
    },
  });

  api.route({
    method: 'get',
    path: '/public/plans',
    summary: '公开：已公布的抽查计划及其已公布的任务（可按年度筛选）',
    tags: ['public'],
    access: 'public',
    request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) },
    responses: {
      200: { description: '计划', schema: z.array(ZPlanView.extend({ tasks: z.array(ZTaskView) })) },
    },
    handler: async ({ query }) => {
      const plans = await listPublishedPlans(deps.db, query.year);
      return { body: plans.map((p) => ({ ...planView(p), tasks: p.tasks.map(taskView) })) };
    },
  });

  api.route({
    method: 'get',
    path: '/public/tasks/{taskId}',
    summary: '公开：抽查任务、抽取的对象与检查人员、随机种子与算法（可据此复现），以及重抽记录与理由',
    tags: ['public'],
    access: 'public',
    request: { params: z.object({ taskId: z.uuid() }) },
    responses: { 200: { description: '任务', schema: ZPublicTask } },
    handler: async ({ params }) => {
      const task = await findTaskWithDraws(deps.db, params.taskId);
      if (!task || task.status !== 'published') throw new AppError('notFound', '没有该已公布的抽查任务');
      const draws = task.draws.map(drawView);
      return {
        body: {
          ...taskView(task),
          draw: draws.find((d) => !d.superseded) ?? null,
          supersededDraws: draws.filter((d) => d.superseded),
        },
      };
    },
  });
}
