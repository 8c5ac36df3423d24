import type { Api } from '@sanxiang/shared';
import { listOverdueReviews, ZOverdueItem, ZOverdueQuery } from '../../domain/review/list-overdue-reviews';
import { listReviewQueue, ZQueueQuery } from '../../domain/review/list-review-queue';
import { ZPage, ZQueueItem } from '../../domain/review/review-views';
import { office, officeActorOf, problem, type TRouteDeps } from './http-context';

export function reviewQueueRoutes(api: Api, deps: TRouteDeps): void {
  api.route({
    method: 'get',
    path: '/reviews',
    summary: '审核队列：按状态、期限、逾期、案号、承办人筛选，按到期时间排序，游标分页',
    tags: ['queue'],
    access: office,
    request: { query: ZQueueQuery },
    responses: {
      200: { description: '一页审核事项', schema: ZPage(ZQueueItem) },
      400: problem('查询参数不合法'),
    },
    handler: async (ctx) => {
      await officeActorOf(deps, ctx, '查看审核队列');
      return { body: await listReviewQueue(deps, ctx.query) };
    },
  });

  api.route({
    method: 'get',
    path: '/reviews/overdue',
    summary: '逾期与临期清单（与工作流的提醒、升级时点一致）及补充材料逾期',
    tags: ['queue'],
    access: office,
    request: { query: ZOverdueQuery },
    responses: { 200: { description: '一页需关注的审核事项', schema: ZPage(ZOverdueItem) } },
    handler: async (ctx) => {
      await officeActorOf(deps, ctx, '查看逾期与临期清单');
      return { body: await listOverdueReviews(deps, ctx.query) };
    },
  });
}
