import type { Api } from '@sanxiang/shared';
import { ZReviewIntakeResponse } from '@sanxiang/shared/src/contracts';
import { intakeReview, ZIntakeReviewBody } from '../../domain/intake/intake-review';
import { actorOf, idempotencyKeyOf, problem, type TRouteDeps } from './http-context';

/** The endpoint the lifecycle workflow's activity calls (docs/service-contracts.md §2). */
export function internalReviewRoutes(api: Api, deps: TRouteDeps): void {
  api.route({
    method: 'post',
    path: '/internal/reviews',
    summary: '受理送审（工作流活动调用；按 Idempotency-Key 与 案号+轮次 幂等）',
    tags: ['internal'],
    access: ['system'],
    request: { body: ZIntakeReviewBody },
    responses: {
      201: { description: '已受理；receivedAt 起算 10 个工作日', schema: ZReviewIntakeResponse },
      200: { description: '该轮次已受理（重复请求），返回原受理结果', schema: ZReviewIntakeResponse },
      400: problem('请求不合法'),
    },
    handler: async (ctx) => {
      const { value, replayed } = await intakeReview(deps, actorOf(ctx), ctx.body, idempotencyKeyOf(ctx.req));
      return {
        status: value.created ? 201 : 200,
        body: { reviewId: value.reviewId, receivedAt: value.receivedAt },
        ...(replayed ? { headers: { 'Idempotent-Replayed': 'true' } } : {}),
      };
    },
  });
}
