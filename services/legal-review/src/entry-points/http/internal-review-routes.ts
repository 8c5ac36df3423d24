import { type Api, AppError } from '@sanxiang/shared';
import {
  statisticsInternalPath,
  ZLegalReviewStatistics,
  ZReviewAssignment,
  ZReviewIntakeResponse,
  ZStatisticsQuery,
} from '@sanxiang/shared/src/contracts';
import { computeReviewStatistics } from '../../domain/statistics/review-statistics';
import { findReviewAssignment } from '../../data-access/review-repository';
import { ZReviewIdParams } from '../../domain/schemas';
import { intakeReview, ZIntakeReviewBody } from '../../domain/intake/intake-review';
import { actorOf, problem, type TRouteDeps } from './http-context';

/** The endpoint the lifecycle workflow's activity calls (docs/service-contracts.md §2). */
export function internalReviewRoutes(api: Api, deps: TRouteDeps): void {
  api.route({
    method: 'get',
    path: statisticsInternalPath,
    summary: '公示服务（统计年报、月度统计）：期间内受理送审、审核的重大执法决定及各类审核意见的数量',
    tags: ['internal'],
    access: ['system'],
    request: { query: ZStatisticsQuery },
    responses: { 200: { description: '统计', schema: ZLegalReviewStatistics }, 400: problem('请求不合法') },
    handler: async ({ query }) => ({ body: await computeReviewStatistics(deps.db, query.period) }),
  });

  api.route({
    method: 'post',
    path: '/internal/reviews',
    summary: '受理送审（工作流活动调用；按 Idempotency-Key 与 案号+轮次 幂等）',
    tags: ['internal'],
    access: ['system'],
    idempotent: true,
    request: { body: ZIntakeReviewBody },
    responses: {
      201: { description: '已受理；receivedAt 起算 10 个工作日', schema: ZReviewIntakeResponse },
      200: { description: '该轮次已受理（重复请求），返回原受理结果', schema: ZReviewIntakeResponse },
      400: problem('请求不合法'),
    },
    handler: async (ctx) => {
      const { value, replayed } = await intakeReview(
        deps,
        await actorOf(deps, ctx),
        ctx.body,
        ctx.idempotency,
      );
      return {
        status: value.created ? 201 : 200,
        body: { reviewId: value.reviewId, receivedAt: value.receivedAt },
        ...(replayed ? { headers: { 'Idempotent-Replayed': 'true' } } : {}),
      };
    },
  });

  api.route({
    method: 'get',
    path: '/internal/reviews/{reviewId}/assignment',
    summary: '审核事项当前分配给谁（期限提醒找责任人时调用；未分配时为 null）',
    tags: ['internal'],
    access: ['system'],
    request: { params: ZReviewIdParams },
    responses: {
      200: { description: '当前分配', schema: ZReviewAssignment },
      404: problem('审核事项不存在'),
    },
    handler: async ({ params }) => {
      const review = await findReviewAssignment(deps.db, params.reviewId);
      if (!review) throw new AppError('notFound', `审核事项 ${params.reviewId} 不存在`);
      return {
        body: { reviewId: review.id, assigneeId: review.assigneeId, assigneeName: review.assigneeName },
      };
    },
  });
}
