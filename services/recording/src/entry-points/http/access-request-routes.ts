import { z } from 'zod';
import type { Api } from '@sanxiang/shared';
import {
  ZApproveAccess,
  ZRefuseAccess,
  decideEvidenceAccess,
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
    request: { params: ZCaseParams, body: ZRequestEvidenceAccess },
    handler: async ({ req, principal, params, body }) =>
      requestEvidenceAccess(deps, callContextOf(req, principal), params.caseNumber, body),
  });
  api.route({
    method: 'get',
    path: '/cases/{caseNumber}/access-requests',
    summary: '调阅申请：负责人看全部，其他人看本人的',
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
    summary: '负责人批准调阅（须给出有效期）',
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
    summary: '负责人拒绝调阅（须说明理由）',
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
}
