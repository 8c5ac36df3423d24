import { z } from 'zod';
import type { Api } from '@sanxiang/shared';
import {
  internalOpenCasePath,
  ZInternalOpenCase,
  ZCaseSummary,
  ZEscalationRequest,
  ZEscalationResponse,
  ZStageTransitionRequest,
  ZStageTransitionResponse,
  statisticsInternalPath,
  ZRecordingStatistics,
  ZStatisticsQuery,
} from '@sanxiang/shared/src/contracts';
import { countRecordingStatistics } from '../../domain/statistics/count-statistics';
import { loadCaseFile } from '../../domain/access/case-access';
import { fileRecord } from '../../domain/records/file-record';
import { ZLegalReviewOpinion } from '../../domain/records/record-bodies';
import { missingKey, recordEscalation } from '../../domain/lifecycle/record-escalation';
import { recordStageTransition } from '../../domain/lifecycle/record-stage-transition';
import type { TRecordingDeps } from '../../domain/recording-deps';
import { openCaseFile } from '../../domain/case-file/open-case-file';
import { callContextOf } from './call-context';
import { ZCaseParams } from './case-file-routes';

const tags = ['内部接口 internal (role system)'];

/** What the legal-review service files: only its opinion (法制审核意见, 审核办法 §15). */
export const ZInternalRecordInput = z.object({
  kind: z.literal('legalReviewOpinion'),
  content: ZLegalReviewOpinion,
});

export function internalRoutes(api: Api, deps: TRecordingDeps) {
  api.route({
    method: 'get',
    path: statisticsInternalPath,
    summary: '公示服务（统计年报、月度统计）：期间内立案、结案、上传证据及逾期上传证据的数量',
    tags,
    access: ['system'],
    request: { query: ZStatisticsQuery },
    responses: { 200: { description: '统计', schema: ZRecordingStatistics } },
    handler: async ({ query }) => ({
      body: await countRecordingStatistics(deps.db, await deps.calendar(), query.period),
    }),
  });
  api.route({
    method: 'post',
    path: internalOpenCasePath,
    summary: '其他服务：代本案执法人员立案并启动案件流程（随机抽查结果为立案查处时，由抽查服务调用）',
    tags,
    access: ['system'],
    idempotent: true,
    request: { body: ZInternalOpenCase },
    responses: { 201: { description: '已立案' }, 409: { description: '案号已存在' } },
    // As POST /cases, with the officer as the opener (the same checks: one of the case's
    // officers, every officer certified for the category and area).
    handler: async ({ req, idempotency, body }) =>
      openCaseFile(
        deps,
        callContextOf(
          req,
          {
            id: body.openedBy.id,
            name: body.openedBy.name,
            roles: ['officer'],
            ...(body.openedBy.unitId ? { unitId: body.openedBy.unitId } : {}),
          },
          idempotency,
        ),
        body.case,
      ),
  });
  api.route({
    method: 'get',
    path: '/internal/cases/{caseNumber}/summary',
    summary: '其他服务：案件的承办机构与执法人员（判断调用者是否为本案人员）',
    tags,
    access: ['system'],
    request: { params: ZCaseParams },
    responses: { 200: { description: '案件概要', schema: ZCaseSummary } },
    handler: async ({ params }) => {
      const file = await loadCaseFile(deps.db, params.caseNumber, 'system');
      return {
        body: {
          caseNumber: file.caseNumber,
          title: file.title,
          handlingUnit: file.handlingUnit,
          unitId: file.unitId,
          status: file.status,
          officers: file.officers.map((o) => ({ userId: o.userId, name: o.name })),
          party: {
            kind: file.partyKind,
            name: file.partyName,
            idNumber: file.partyIdNumber,
            legalRepresentative: file.partyLegalRepresentative,
          },
        },
      };
    },
  });
  api.route({
    method: 'post',
    path: '/internal/cases/{caseNumber}/escalations',
    summary: '流程引擎：记录提醒或督办（幂等：Idempotency-Key 与自然键）',
    tags,
    access: ['system'],
    idempotent: true,
    request: { params: ZCaseParams, body: ZEscalationRequest },
    responses: {
      201: { description: '已记录', schema: ZEscalationResponse },
      200: { description: '重复', schema: ZEscalationResponse },
    },
    handler: async ({ req, principal, idempotency, params, body }) =>
      recordEscalation(deps, callContextOf(req, principal, idempotency), params.caseNumber, body),
  });
  api.route({
    method: 'post',
    path: '/internal/cases/{caseNumber}/stage-transitions',
    summary: '流程引擎：案件阶段变化',
    tags,
    access: ['system'],
    idempotent: true,
    request: { params: ZCaseParams, body: ZStageTransitionRequest },
    responses: { 200: { description: '已记录', schema: ZStageTransitionResponse } },
    handler: async ({ req, principal, idempotency, params, body }) =>
      recordStageTransition(deps, callContextOf(req, principal, idempotency), params.caseNumber, body),
  });
  api.route({
    method: 'post',
    path: '/internal/cases/{caseNumber}/records',
    summary: '法制审核系统：将法制审核意见归入案卷（幂等：Idempotency-Key 与 opinionId）',
    tags,
    access: ['system'],
    idempotent: true,
    request: { params: ZCaseParams, body: ZInternalRecordInput },
    responses: { 201: { description: '已归档' }, 200: { description: '重复，返回原记录' } },
    handler: async ({ req, principal, idempotency, params, body }) => {
      const ctx = callContextOf(req, principal, idempotency);
      if (!ctx.idempotency) throw missingKey();
      const filed = await fileRecord(deps, ctx, params.caseNumber, body, 'internal');
      // `recordId` is what the filing service keeps (its client reads that field).
      return {
        status: filed.status,
        body: { recordId: (filed.body as { id: string }).id, ...(filed.body as object) },
      };
    },
  });
}
