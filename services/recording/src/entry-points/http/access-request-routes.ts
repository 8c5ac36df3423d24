import { z } from 'zod';
import type { Api } from '@sanxiang/shared';
import {
  ZApproveAccess,
  ZRefuseAccess,
  ZRevokeAccess,
  decideEvidenceAccess,
  revokeEvidenceAccess,
} from '../../domain/access/decide-evidence-access';
import type { TRecordingDeps } from '../../domain/recording-deps';
import {
  ZRequestEvidenceAccess,
  listAccessRequests,
  requestEvidenceAccess,
} from '../../domain/access/request-evidence-access';
import { callContextOf, staffRoles } from './call-context';
import { ZCaseParams } from './case-file-routes';

const tags = ['调阅审批 access requests'];
const ZRequestParams = z.object({ requestId: z.uuid() });

export function accessRequestRoutes(api: Api, deps: TRecordingDeps) {
  api.route({
    method: 'post',
    path: '/cases/{caseNumber}/access-requests',
    summary: '申请调阅本案证据（超出本人权限，须负责人批准）',
    tags,
    access: staffRoles,
    idempotent: true,
    request: { params: ZCaseParams, body: ZRequestEvidenceAccess },
    responses: {
      201: { description: '申请已保存（调用者读得到本案）' },
      202: {
        description:
          '已收到：调用者读不到本案时，无论案卷是否存在都这样回答；申请经负责人审批后出现在本案的调阅申请中，案卷不存在时不保存申请、只写入审计日志',
      },
    },
    handler: async ({ req, principal, idempotency, params, body }) =>
      requestEvidenceAccess(deps, callContextOf(req, principal, idempotency), params.caseNumber, body),
  });
  api.route({
    method: 'get',
    path: '/cases/{caseNumber}/access-requests',
    summary: '调阅申请：本案承办机构负责人看全部，其他人看本人的',
    tags,
    access: staffRoles,
    request: { params: ZCaseParams },
    handler: async ({ req, principal, params }) => ({
      body: await listAccessRequests(deps, callContextOf(req, principal), params.caseNumber),
    }),
  });
  api.route({
    method: 'post',
    path: '/access-requests/{requestId}/approve',
    summary: '本案承办机构负责人批准调阅（须给出有效期，至多 90 天）',
    tags,
    access: ['head'],
    request: { params: ZRequestParams, body: ZApproveAccess },
    handler: async ({ req, principal, params, body }) => ({
      body: await decideEvidenceAccess(deps, callContextOf(req, principal), params.requestId, {
        decision: 'approved',
        ...body,
      }),
    }),
  });
  api.route({
    method: 'post',
    path: '/access-requests/{requestId}/refuse',
    summary: '本案承办机构负责人拒绝调阅（须说明理由）',
    tags,
    access: ['head'],
    request: { params: ZRequestParams, body: ZRefuseAccess },
    handler: async ({ req, principal, params, body }) => ({
      body: await decideEvidenceAccess(deps, callContextOf(req, principal), params.requestId, {
        decision: 'refused',
        ...body,
      }),
    }),
  });
  api.route({
    method: 'post',
    path: '/access-requests/{requestId}/revoke',
    summary: '本案承办机构负责人在到期前撤销已批准的调阅（须说明理由），此后的调阅被拒绝并留痕',
    tags,
    access: ['head'],
    request: { params: ZRequestParams, body: ZRevokeAccess },
    responses: { 200: { description: '已撤销' }, 409: { description: '未批准或已到期的申请不能撤销' } },
    handler: async ({ req, principal, params, body }) => ({
      body: await revokeEvidenceAccess(deps, callContextOf(req, principal), params.requestId, body),
    }),
  });
}
