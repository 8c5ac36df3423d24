import { z } from 'zod';
import type { Api } from '@sanxiang/shared';
import { dateInShanghai } from '@sanxiang/shared/src/calendar';
import {
  answerCorrectionRequest,
  ZAnswerCorrectionRequest,
} from '../../domain/corrections/answer-correction-request';
import {
  ZCorrectionRequestInput,
  ZCorrectionRequestList,
  ZCorrectionRequestView,
  ZTrackingNumber,
} from '../../domain/corrections/correction-request';
import {
  getCorrectionRequest,
  getCorrectionRequestStatus,
  listCorrectionRequests,
  toCorrectionRequestView,
  ZListCorrectionRequestsQuery,
} from '../../domain/corrections/list-correction-requests';
import { roles } from '../../domain/decisions/review-policy';
import { submitCorrectionRequest } from '../../domain/corrections/submit-correction-request';
import { actorOf, problemResponses, ZIdParams, type TRouteDeps } from './route-support';

/** Who submits a public request: not a signed-in person. */
export const publicActor = (requestId: string | undefined) => ({ id: 'public', name: '社会公众', requestId });

const today = () => dateInShanghai(new Date());

/** Correction requests (更正申请): the public form's JSON twin, and the staff queue. */
export function registerCorrectionRequestRoutes(api: Api, deps: TRouteDeps): void {
  api.route({
    method: 'post',
    path: '/api/public/correction-requests',
    summary: '提交更正申请（须有联系方式和证据）；返回受理编号和办理期限',
    tags: ['public'],
    access: 'public',
    request: { body: ZCorrectionRequestInput },
    responses: {
      201: { description: '已受理' },
      400: { description: '申请内容不完整' },
      404: { description: '该公示信息不存在或已撤下' },
      429: { description: '提交过于频繁' },
    },
    handler: async ({ body, req }) => {
      const calendar = await deps.calendar();
      return deps.uow(publicActor(String(req.id)), undefined, async (ctx) => ({
        status: 201,
        body: await submitCorrectionRequest(ctx, body, calendar),
      }));
    },
  });

  api.route({
    method: 'get',
    path: '/api/public/correction-requests/{trackingNumber}',
    summary: '按受理编号查询更正申请的办理情况和答复',
    tags: ['public'],
    access: 'public',
    request: { params: z.object({ trackingNumber: ZTrackingNumber }) },
    handler: async ({ params }) => ({
      body: await getCorrectionRequestStatus(deps.db, params.trackingNumber),
    }),
  });

  api.route({
    method: 'get',
    path: '/correction-requests',
    summary: '更正申请队列（待处理在前，按办理期限排序；可筛选逾期）',
    tags: ['corrections'],
    access: roles.correctionQueue,
    request: { query: ZListCorrectionRequestsQuery },
    responses: { 200: { description: 'OK', schema: ZCorrectionRequestList }, ...problemResponses },
    handler: async ({ query }) => ({ body: await listCorrectionRequests(deps.db, query, today()) }),
  });

  api.route({
    method: 'get',
    path: '/correction-requests/{id}',
    summary: '更正申请详情（含联系方式和证据）',
    tags: ['corrections'],
    access: roles.correctionQueue,
    request: { params: ZIdParams },
    responses: { 200: { description: 'OK', schema: ZCorrectionRequestView }, 404: problemResponses[404] },
    handler: async ({ params }) => ({ body: await getCorrectionRequest(deps.db, params.id, today()) }),
  });

  api.route({
    method: 'post',
    path: '/correction-requests/{id}/answer',
    summary: '答复更正申请（“已更正”须先经审核发布更正版本）',
    tags: ['corrections'],
    access: roles.correctionQueue,
    idempotent: true,
    request: { params: ZIdParams, body: ZAnswerCorrectionRequest },
    responses: { 200: { description: '已答复', schema: ZCorrectionRequestView }, ...problemResponses },
    handler: async ({ idempotency, params, body, principal, req }) =>
      deps.uow(actorOf(principal, req), idempotency, async (ctx) => ({
        status: 200,
        body: toCorrectionRequestView(await answerCorrectionRequest(ctx, params.id, body), today()),
      })),
  });
}
