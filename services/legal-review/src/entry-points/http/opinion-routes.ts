import { AppError, type Api } from '@sanxiang/shared';
import { getReview } from '../../domain/review/get-review';
import { issueOpinion, ZIssueOpinionBody, ZOpinion } from '../../domain/opinion/issue-opinion';
import {
  raiseDisagreement,
  resolveDisagreement,
  ZDisagreement,
  ZDisagreementParams,
  ZRaiseDisagreementBody,
  ZResolveDisagreementBody,
} from '../../domain/opinion/negotiate-disagreement';
import { ZReviewIdParams } from '../../domain/schemas';
import { actorOf, office, officeActorOf, officeAndHandlers, problem, type TRouteDeps } from './http-context';

export function opinionRoutes(api: Api, deps: TRouteDeps): void {
  api.route({
    method: 'post',
    path: '/reviews/{reviewId}/opinion',
    summary: '出具审核意见（同意/补充调查/变更/纠正/移送，附理由）；出具后不可更改，通知工作流并归入案卷',
    tags: ['opinion'],
    access: ['reviewer'],
    idempotent: true,
    request: { params: ZReviewIdParams, body: ZIssueOpinionBody },
    responses: {
      201: { description: '已出具', schema: ZOpinion },
      403: problem('非承办审核人员'),
      409: problem('材料不全、已回避、要点未填或本轮已有意见'),
    },
    handler: async (ctx) => ({
      status: 201,
      body: await issueOpinion(
        deps,
        await actorOf(deps, ctx),
        ctx.params.reviewId,
        ctx.body,
        ctx.idempotency,
      ),
    }),
  });

  api.route({
    method: 'get',
    path: '/reviews/{reviewId}/opinion',
    summary: '审核意见书（存档件）及其归入案卷的状态',
    tags: ['opinion'],
    access: officeAndHandlers,
    request: { params: ZReviewIdParams },
    responses: { 200: { description: '审核意见', schema: ZOpinion }, 404: problem('尚未出具') },
    handler: async (ctx) => {
      const review = await getReview(deps, await actorOf(deps, ctx), ctx.params.reviewId);
      if (!review.opinion) throw new AppError('notFound', '本轮尚未出具审核意见');
      return { body: review.opinion };
    },
  });

  api.route({
    method: 'post',
    path: '/reviews/{reviewId}/disagreements',
    summary: '承办机构对审核意见提出异议',
    tags: ['opinion'],
    access: officeAndHandlers,
    idempotent: true,
    request: { params: ZReviewIdParams, body: ZRaiseDisagreementBody },
    responses: {
      201: { description: '已记录', schema: ZDisagreement },
      409: problem('尚无意见或已有未结异议'),
    },
    handler: async (ctx) => ({
      status: 201,
      body: await raiseDisagreement(
        deps,
        await actorOf(deps, ctx),
        ctx.params.reviewId,
        ctx.body,
        ctx.idempotency,
      ),
    }),
  });

  api.route({
    method: 'put',
    path: '/reviews/{reviewId}/disagreements/{disagreementId}/resolution',
    summary: '记录异议协商结果',
    tags: ['opinion'],
    access: office,
    request: { params: ZDisagreementParams, body: ZResolveDisagreementBody },
    responses: { 200: { description: '已记录', schema: ZDisagreement }, 409: problem('已记录过') },
    handler: async (ctx) => ({
      body: await resolveDisagreement(
        deps,
        await officeActorOf(deps, ctx, '记录异议协商结果'),
        ctx.params,
        ctx.body,
      ),
    }),
  });
}
