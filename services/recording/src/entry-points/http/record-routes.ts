import type { Api } from '@sanxiang/shared';
import { fileRecord } from '../../domain/records/file-record';
import { ZRecordInput } from '../../domain/records/record-bodies';
import type { TRecordingDeps } from '../../domain/recording-deps';
import { ZListRecordsQuery, listRecords } from '../../domain/case-file/view-case-file';
import { callContextOf, staffRoles } from './call-context';
import { ZCaseParams } from './case-file-routes';

const tags = ['执法记录 records'];

export function recordRoutes(api: Api, deps: TRecordingDeps) {
  api.route({
    method: 'post',
    path: '/cases/{caseNumber}/records',
    summary: '登记执法记录（按种类校验；更正为新记录，引用原记录）',
    tags,
    access: ['officer', 'head'],
    idempotent: true,
    request: { params: ZCaseParams, body: ZRecordInput },
    responses: { 201: { description: '已登记' }, 200: { description: '重复请求，返回原记录' } },
    handler: async ({ req, principal, idempotency, params, body }) =>
      fileRecord(deps, callContextOf(req, principal, idempotency), params.caseNumber, body, 'staff'),
  });
  api.route({
    method: 'get',
    path: '/cases/{caseNumber}/records',
    summary: '案卷中的执法记录（可按种类筛选）',
    tags,
    access: staffRoles,
    request: { params: ZCaseParams, query: ZListRecordsQuery },
    handler: async ({ req, principal, params, query }) => ({
      body: await listRecords(deps, callContextOf(req, principal), params.caseNumber, query.kind),
    }),
  });
}
