import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { ZCaseNumber, type Api } from '@sanxiang/shared';
import { archiveCaseFile } from '../../domain/case-file/archive-case-file';
import { ZCloseCaseFile, closeCaseFile } from '../../domain/case-file/close-case-file';
import { exportCaseFile } from '../../domain/export/export-case-file';
import { ZOpenCaseFile, openCaseFile } from '../../domain/case-file/open-case-file';
import type { TRecordingDeps } from '../../domain/recording-deps';
import { ZCaseFileDetail, ZCaseFileSummary } from '../../domain/case-file/case-file-schemas';
import { ZListCaseFilesQuery, listCaseFiles, viewCaseFile } from '../../domain/case-file/view-case-file';
import { ZAwaitingApproval, listAwaitingApproval } from '../../domain/case-file/awaiting-approval';
import { callContextOf, staffRoles } from './call-context';

export const ZCaseParams = z.object({ caseNumber: ZCaseNumber });
const tags = ['案卷 case files'];

export function caseFileRoutes(api: Api, deps: TRecordingDeps) {
  api.route({
    method: 'post',
    path: '/cases',
    summary: '立案：登记案卷并启动案件流程 (open a case file, start its lifecycle)',
    tags,
    access: ['officer'],
    idempotent: true,
    request: { body: ZOpenCaseFile },
    responses: { 201: { description: '已立案' }, 409: { description: '案号已存在' } },
    handler: async ({ req, principal, idempotency, body }) =>
      openCaseFile(deps, callContextOf(req, principal, idempotency), body),
  });
  api.route({
    method: 'get',
    path: '/cases',
    summary:
      '案卷列表：本人及本机构的案件（执法人员、负责人），已提交法制审核的案件（法制审核人员），已获批调阅的案件；q 按案号或当事人名称检索',
    tags,
    access: ['officer', 'reviewer', 'head'],
    request: { query: ZListCaseFilesQuery },
    responses: { 200: { description: '案卷（最近立案的 200 件）', schema: z.array(ZCaseFileSummary) } },
    handler: async ({ principal, query }) => ({ body: await listCaseFiles(deps, principal, query) }),
  });
  api.route({
    method: 'get',
    path: '/approvals/mine',
    summary:
      '待我审批：本机构决定阶段的案件中，尚待集体讨论或负责人审批（决定事项）的，按进入决定阶段的先后排列',
    tags,
    access: ['head'],
    responses: { 200: { description: '待审批的案件', schema: z.array(ZAwaitingApproval) } },
    handler: async ({ principal }) => ({ body: await listAwaitingApproval(deps, principal) }),
  });
  api.route({
    method: 'get',
    path: '/cases/{caseNumber}',
    summary: '查看案卷（记录、执法活动、证据、督办、阶段），调阅留痕',
    tags,
    access: staffRoles,
    request: { params: ZCaseParams },
    responses: { 200: { description: '案卷及其全部内容', schema: ZCaseFileDetail } },
    handler: async ({ req, principal, params }) => ({
      body: await viewCaseFile(deps, callContextOf(req, principal), params.caseNumber),
    }),
  });
  api.route({
    method: 'post',
    path: '/cases/{caseNumber}/close',
    summary: '结案 (close the case file; before a decision the lifecycle is closed too)',
    tags,
    access: ['officer'],
    request: { params: ZCaseParams, body: ZCloseCaseFile },
    handler: async ({ req, principal, params, body }) =>
      closeCaseFile(deps, callContextOf(req, principal), params.caseNumber, body),
  });
  api.route({
    method: 'post',
    path: '/cases/{caseNumber}/archive',
    summary: '归档 (archive a closed case file)',
    tags,
    access: ['officer', 'head'],
    request: { params: ZCaseParams },
    handler: async ({ req, principal, params }) =>
      archiveCaseFile(deps, callContextOf(req, principal), params.caseNumber),
  });
  api.route({
    method: 'get',
    path: '/cases/{caseNumber}/export',
    summary: '导出整卷（zip：JSON 与 HTML 记录、证据原件、带哈希的清单），供归档和法院',
    tags,
    access: staffRoles,
    request: { params: ZCaseParams },
    responses: { 200: { description: 'zip', contentType: 'application/zip' } },
    handler: async ({ req, res, principal, params }) => {
      const exported = await exportCaseFile(deps, callContextOf(req, principal), params.caseNumber);
      res.status(200);
      res.set({
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="case-file.zip"; filename*=UTF-8''${encodeURIComponent(exported.fileName)}`,
        'Cache-Control': 'no-store',
      });
      const failed = new Promise<never>((_, reject) => exported.zip.once('error', reject));
      try {
        await Promise.race([pipeline(exported.stream, res), failed]);
      } catch (err) {
        deps.logger.error({ err, caseNumber: params.caseNumber }, 'case file export aborted');
        exported.stream.destroy();
        res.destroy();
      }
    },
  });
}
