import type { Api } from '@sanxiang/shared';
import { ZCaseNumber } from '@sanxiang/shared/src/domain';
import { z } from 'zod';
import { assignReviewer, ZAssignReviewerBody } from '../../domain/intake/assign-reviewer';
import {
  declareRecusal,
  ZDeclareRecusalBody,
  ZDeclareRecusalResult,
} from '../../domain/intake/declare-recusal';
import { getReview, listCaseRounds } from '../../domain/review/get-review';
import {
  receiveMaterials,
  ZReceiveMaterialsBody,
  ZReceiveMaterialsParams,
} from '../../domain/materials/receive-materials';
import {
  recordExpertConsultation,
  ZConsultation,
  ZRecordConsultationBody,
} from '../../domain/review/record-expert-consultation';
import { recordFindings, ZRecordFindingsBody } from '../../domain/review/record-findings';
import {
  requestMaterials,
  ZMaterialRequest,
  ZRequestMaterialsBody,
} from '../../domain/materials/request-materials';
import { ZFinding, ZQueueItem, ZReviewDetail } from '../../domain/review/review-views';
import { ZReviewIdParams } from '../../domain/schemas';
import { actorOf, office, officeActorOf, officeAndHandlers, problem, type TRouteDeps } from './http-context';

export function reviewRoutes(api: Api, deps: TRouteDeps): void {
  api.route({
    method: 'get',
    path: '/reviews/{reviewId}',
    summary: '审核事项详情（执法人员仅可查看本人案件，且不含审核工作底稿）',
    tags: ['reviews'],
    access: officeAndHandlers,
    request: { params: ZReviewIdParams },
    responses: { 200: { description: '审核事项', schema: ZReviewDetail }, 404: problem('不存在或无权查看') },
    handler: async (ctx) => ({ body: await getReview(deps, await actorOf(deps, ctx), ctx.params.reviewId) }),
  });

  api.route({
    method: 'get',
    path: '/cases/{caseNumber}/rounds',
    summary: '案件的全部审核轮次（复审历史）',
    tags: ['reviews'],
    access: officeAndHandlers,
    request: { params: z.object({ caseNumber: ZCaseNumber }) },
    responses: {
      200: {
        description: '按轮次排列',
        schema: z.object({ caseNumber: z.string(), rounds: z.array(ZReviewDetail) }),
      },
      404: problem('没有审核记录或无权查看'),
    },
    handler: async (ctx) => ({
      body: await listCaseRounds(deps, await actorOf(deps, ctx), ctx.params.caseNumber),
    }),
  });

  api.route({
    method: 'put',
    path: '/reviews/{reviewId}/assignment',
    summary: '分配审核人员（负责人分配；审核人员可领取给自己；已回避者不得分配）',
    tags: ['reviews'],
    access: office,
    idempotent: true,
    request: { params: ZReviewIdParams, body: ZAssignReviewerBody },
    responses: {
      200: { description: '已分配', schema: ZQueueItem },
      403: problem('无权分配给他人'),
      409: problem('已回避或已出具意见'),
    },
    handler: async (ctx) => ({
      body: await assignReviewer(
        deps,
        await officeActorOf(deps, ctx, '分配审核人员'),
        ctx.params.reviewId,
        ctx.body,
        ctx.idempotency,
      ),
    }),
  });

  api.route({
    method: 'post',
    path: '/reviews/{reviewId}/recusals',
    summary: '回避声明（本人与案件有直接利害关系，适用于本案各轮次）',
    tags: ['reviews'],
    access: office,
    idempotent: true,
    request: { params: ZReviewIdParams, body: ZDeclareRecusalBody },
    responses: {
      201: { description: '已记录', schema: ZDeclareRecusalResult },
      200: { description: '此前已声明', schema: ZDeclareRecusalResult },
    },
    handler: async (ctx) => {
      const result = await declareRecusal(
        deps,
        await officeActorOf(deps, ctx, '声明回避'),
        ctx.params.reviewId,
        ctx.body,
        ctx.idempotency,
      );
      return { status: result.created ? 201 : 200, body: result };
    },
  });

  api.route({
    method: 'post',
    path: '/reviews/{reviewId}/material-requests',
    summary: '要求补充材料并指定提交期限（审核期限暂停，通知工作流）',
    tags: ['materials'],
    access: office,
    idempotent: true,
    request: { params: ZReviewIdParams, body: ZRequestMaterialsBody },
    responses: {
      201: { description: '已发出', schema: ZMaterialRequest },
      409: problem('已有未答复的要求、已回避或已出具意见'),
    },
    handler: async (ctx) => ({
      status: 201,
      body: await requestMaterials(
        deps,
        await officeActorOf(deps, ctx, '要求补充材料'),
        ctx.params.reviewId,
        ctx.body,
        ctx.idempotency,
      ),
    }),
  });

  api.route({
    method: 'post',
    path: '/reviews/{reviewId}/material-requests/{requestId}/receipt',
    summary: '提交补充材料（承办案件的执法人员，或审核机构代为登记）；重新起算 10 个工作日',
    tags: ['materials'],
    access: officeAndHandlers,
    idempotent: true,
    request: { params: ZReceiveMaterialsParams, body: ZReceiveMaterialsBody },
    responses: {
      200: { description: '已收到', schema: ZMaterialRequest },
      400: problem('缺少所要求的材料'),
      409: problem('已答复'),
    },
    handler: async (ctx) => ({
      body: await receiveMaterials(deps, await actorOf(deps, ctx), ctx.params, ctx.body, ctx.idempotency),
    }),
  });

  api.route({
    method: 'post',
    path: '/reviews/{reviewId}/expert-consultations',
    summary: '记录专家咨询论证意见',
    tags: ['reviews'],
    access: office,
    idempotent: true,
    request: { params: ZReviewIdParams, body: ZRecordConsultationBody },
    responses: { 201: { description: '已记录', schema: ZConsultation } },
    handler: async (ctx) => ({
      status: 201,
      body: await recordExpertConsultation(
        deps,
        await officeActorOf(deps, ctx, '记录专家咨询论证意见'),
        ctx.params.reviewId,
        ctx.body,
        ctx.idempotency,
      ),
    }),
  });

  api.route({
    method: 'put',
    path: '/reviews/{reviewId}/findings',
    summary: '填写审核要点（九项）的审核情况；出具意见前可修改',
    tags: ['reviews'],
    access: ['reviewer'],
    request: { params: ZReviewIdParams, body: ZRecordFindingsBody },
    responses: {
      200: { description: '当前全部审核要点', schema: z.array(ZFinding) },
      403: problem('非承办审核人员'),
      409: problem('已回避或已出具意见'),
    },
    handler: async (ctx) => ({
      body: await recordFindings(deps, await actorOf(deps, ctx), ctx.params.reviewId, ctx.body),
    }),
  });
}
