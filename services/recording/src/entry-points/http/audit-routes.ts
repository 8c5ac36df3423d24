import type { Api } from '@sanxiang/shared';
import { verifyAuditChain } from '../../data-access/audit-trail';
import type { TRecordingDeps } from '../../domain/recording-deps';

export function auditRoutes(api: Api, deps: TRecordingDeps) {
  api.route({
    method: 'get',
    path: '/audit/verification',
    summary: '校验审计日志哈希链，指出第一条被改动的记录',
    tags: ['审计 audit'],
    access: ['admin', 'head'],
    handler: async () => ({ body: await verifyAuditChain(deps.db) }),
  });
}
