import type { Api } from '@sanxiang/shared';
import { ZRecordDecisionRequest, recordDecision } from '../../domain/lifecycle/record-decision';
import type { TRecordingDeps } from '../../domain/recording-deps';
import { ZSubmitProposalRequest, submitProposal } from '../../domain/lifecycle/submit-proposal';
import {
  ZDesignateMajorRequest,
  ZDowngradeMajorRequest,
  designateMajor,
  downgradeMajor,
} from '../../domain/lifecycle/major-determination';
import { callContextOf } from './call-context';
import { ZCaseParams } from './case-file-routes';

const tags = ['案件流程 lifecycle'];

export function lifecycleRoutes(api: Api, deps: TRecordingDeps) {
  api.route({
    method: 'post',
    path: '/cases/{caseNumber}/proposals',
    summary: '提交拟作出的决定（重大案件进入法制审核）',
    tags,
    access: ['officer'],
    idempotent: true,
    request: { params: ZCaseParams, body: ZSubmitProposalRequest },
    responses: {
      200: { description: '流程已接受' },
      409: { description: '阶段不符' },
      422: { description: '材料或条件不全' },
    },
    handler: async ({ req, principal, idempotency, params, body }) =>
      submitProposal(deps, callContextOf(req, principal, idempotency), params.caseNumber, body),
  });
  api.route({
    method: 'post',
    path: '/cases/{caseNumber}/decisions',
    summary: '登记已作出的执法决定（集体讨论、负责人审批之后），开始公示时限',
    tags,
    access: ['officer'],
    idempotent: true,
    request: { params: ZCaseParams, body: ZRecordDecisionRequest },
    handler: async ({ req, principal, idempotency, params, body }) =>
      recordDecision(deps, callContextOf(req, principal, idempotency), params.caseNumber, body),
  });
  api.route({
    method: 'post',
    path: '/cases/{caseNumber}/major-designations',
    summary: '认定为重大执法决定（法制审核机构或负责人），须经法制审核方可作出决定',
    tags,
    access: ['reviewer', 'head'],
    idempotent: true,
    request: { params: ZCaseParams, body: ZDesignateMajorRequest },
    responses: {
      200: { description: '已认定' },
      409: { description: '阶段不符' },
      422: { description: '已是重大执法决定' },
    },
    handler: async ({ req, principal, idempotency, params, body }) =>
      designateMajor(deps, callContextOf(req, principal, idempotency), params.caseNumber, body),
  });
  api.route({
    method: 'post',
    path: '/cases/{caseNumber}/major-downgrades',
    summary: '经负责人批准，重大执法决定改为一般案件（须说明理由）',
    tags,
    access: ['head'],
    idempotent: true,
    request: { params: ZCaseParams, body: ZDowngradeMajorRequest },
    responses: {
      200: { description: '已改为一般案件' },
      409: { description: '阶段不符' },
      422: { description: '不能改为一般案件' },
    },
    handler: async ({ req, principal, idempotency, params, body }) =>
      downgradeMajor(deps, callContextOf(req, principal, idempotency), params.caseNumber, body),
  });
}
