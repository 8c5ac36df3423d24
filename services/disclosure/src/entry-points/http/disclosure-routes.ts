import { type z } from 'zod';
import type { Api } from '@sanxiang/shared';
import { approveDisclosure, ZApproveDisclosure } from '../../domain/decisions/approve-disclosure';
import { checkDisclosure, ZCheckDisclosure } from '../../domain/decisions/check-disclosure';
import { toDisclosureView, ZDisclosureView } from '../../domain/decisions/disclosure-view';
import { getDisclosure, getDisclosureAudit } from '../../domain/decisions/get-disclosure';
import { listDisclosures, ZListDisclosuresQuery } from '../../domain/decisions/list-disclosures';
import { previewRedaction, ZPreviewRedaction } from '../../domain/redaction/preview-redaction';
import { reviseDisclosure, ZReviseDisclosure } from '../../domain/decisions/revise-disclosure';
import { roles } from '../../domain/decisions/review-policy';
import { submitForReview, ZSubmitForReview } from '../../domain/decisions/submit-for-review';
import { withdrawDisclosure, ZWithdrawDisclosure } from '../../domain/publication/withdraw-disclosure';
import { actorOf, idempotencyOf, problemResponses, ZIdParams, type TRouteDeps } from './route-support';

const tags = ['disclosures'];

/** Staff side: drafts, versions, redaction, internal review, withdrawal. */
export function registerDisclosureRoutes(api: Api, deps: TRouteDeps): void {
  api.route({
    method: 'get',
    path: '/disclosures',
    summary: '公示记录列表（按状态、审核环节筛选；临近截止的在前）',
    tags,
    access: roles.read,
    request: { query: ZListDisclosuresQuery },
    handler: async ({ query }) => ({ body: await listDisclosures(deps.db, query) }),
  });

  api.route({
    method: 'get',
    path: '/disclosures/{id}',
    summary: '公示记录详情：全部版本（原文、脱敏规则、生成的公开版本）及审核过程',
    tags,
    access: roles.read,
    request: { params: ZIdParams },
    responses: { 200: { description: 'OK', schema: ZDisclosureView }, 404: problemResponses[404] },
    handler: async ({ params }) => ({ body: await getDisclosure(deps.db, params.id) }),
  });

  api.route({
    method: 'get',
    path: '/disclosures/{id}/audit',
    summary: '公示记录的审计日志',
    tags,
    access: roles.audit,
    request: { params: ZIdParams },
    handler: async ({ params }) => ({ body: { events: await getDisclosureAudit(deps.db, params.id) } }),
  });

  api.route({
    method: 'post',
    path: '/disclosures/{id}/redaction-preview',
    summary: '预览修改内容或脱敏规则后的公开版本（不保存）',
    tags,
    access: roles.read,
    request: { params: ZIdParams, body: ZPreviewRedaction },
    handler: async ({ params, body }) => ({ body: await previewRedaction(deps.db, params.id, body) }),
  });

  api.route({
    method: 'post',
    path: '/disclosures/{id}/versions',
    summary: '保存新版本（修改草稿或脱敏规则；已公示的记录则开始更正）',
    tags,
    access: roles.edit,
    request: { params: ZIdParams, body: ZReviseDisclosure },
    responses: { 201: { description: '新版本已保存' }, ...problemResponses },
    handler: async ({ params, body, principal, req }) =>
      deps.uow(
        actorOf(principal, req),
        idempotencyOf(req, `/disclosures/${params.id}/versions`, body),
        async (ctx) => {
          const r = await reviseDisclosure(ctx, params.id, body);
          return {
            status: 201,
            body: {
              disclosure: toDisclosureView(r.disclosure),
              version: r.version,
              publicContent: r.publicContent,
              redactionReport: r.redactionReport,
            },
          };
        },
      ),
  });

  const transition = <S extends z.ZodType>(
    path: string,
    summary: string,
    access: (typeof roles)[keyof typeof roles],
    schema: S,
    run: (
      ctx: Parameters<typeof submitForReview>[0],
      id: string,
      body: z.infer<S>,
    ) => Promise<Parameters<typeof toDisclosureView>[0]>,
  ) =>
    api.route({
      method: 'post',
      path: `/disclosures/{id}/${path}`,
      summary,
      tags,
      access,
      request: { params: ZIdParams, body: schema },
      responses: { 200: { description: 'OK', schema: ZDisclosureView }, ...problemResponses },
      handler: async ({ params, body, principal, req }) =>
        deps.uow(
          actorOf(principal, req),
          idempotencyOf(req, `/disclosures/${params.id}/${path}`, body),
          async (ctx) => ({
            status: 200,
            body: toDisclosureView(await run(ctx, params.id, body as z.infer<S>)),
          }),
        ),
    });

  transition('submit', '提交内部审核', roles.submit, ZSubmitForReview, submitForReview);
  transition(
    'check',
    '审核（通过或退回修改）；审核人不能是起草人或提交人',
    roles.check,
    ZCheckDisclosure,
    checkDisclosure,
  );
  transition(
    'approval',
    '负责人批准（或退回）；批准后由案件流程发布，更正与目录则即时发布',
    roles.approve,
    ZApproveDisclosure,
    approveDisclosure,
  );
  transition(
    'withdrawal',
    '撤下已公示的决定并公开说明（撤销、确认违法、重新作出）',
    roles.withdraw,
    ZWithdrawDisclosure,
    withdrawDisclosure,
  );
}
