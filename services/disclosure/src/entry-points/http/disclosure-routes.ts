import { z } from 'zod';
import type { Api } from '@sanxiang/shared';
import { approveDisclosure, ZApproveDisclosure } from '../../domain/decisions/approve-disclosure';
import { checkDisclosure, ZCheckDisclosure } from '../../domain/decisions/check-disclosure';
import {
  toDisclosureView,
  ZDisclosureDetail,
  ZDisclosureListPage,
  ZDisclosureView,
  ZOutcomeResult,
  ZRedactionPreview,
  ZRevisionResult,
} from '../../domain/decisions/disclosure-view';
import { getDisclosure, getDisclosureAudit } from '../../domain/decisions/get-disclosure';
import { listDisclosures, ZListDisclosuresQuery } from '../../domain/decisions/list-disclosures';
import { previewRedaction, ZPreviewRedaction } from '../../domain/redaction/preview-redaction';
import { reviseDisclosure, ZReviseDisclosure } from '../../domain/decisions/revise-disclosure';
import { roles } from '../../domain/decisions/review-policy';
import { submitForReview, ZSubmitForReview } from '../../domain/decisions/submit-for-review';
import {
  approveOutcome,
  checkOutcome,
  requestWithdrawal,
  toOutcomeRequestView,
  ZOutcomeApproval,
  ZOutcomeCheck,
  ZWithdrawalRequest,
} from '../../domain/outcomes/outcome-requests';
import {
  listExemptions,
  requestNonPublication,
  ZExemptionsList,
  ZExemptionsQuery,
  ZNonPublicationRequest,
} from '../../domain/outcomes/non-publication';
import type { TDisclosureAction } from '../../domain/decisions/disclosure-access';
import {
  publicationCompleteness,
  ZPublicationCompleteness,
  ZPublicationCompletenessQuery,
} from '../../domain/reports/publication-completeness';
import { actorOf, problemResponses, ZIdParams, type TRouteDeps } from './route-support';

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
    responses: { 200: { description: 'OK', schema: ZDisclosureListPage }, ...problemResponses },
    handler: async ({ query, principal }) => ({
      body: await listDisclosures(deps.db, query, await deps.access.listScope(principal)),
    }),
  });

  api.route({
    method: 'get',
    path: '/disclosures/{id}',
    summary: '公示记录详情：全部版本（原文、脱敏规则、生成的公开版本）及审核过程',
    tags,
    access: roles.read,
    request: { params: ZIdParams },
    responses: { 200: { description: 'OK', schema: ZDisclosureDetail }, 404: problemResponses[404] },
    handler: async ({ params, principal }) => {
      await deps.access.assert(principal, params.id, 'read');
      return { body: await getDisclosure(deps.db, params.id) };
    },
  });

  api.route({
    method: 'get',
    path: '/disclosures/{id}/audit',
    summary: '公示记录的审计日志',
    tags,
    access: roles.audit,
    request: { params: ZIdParams },
    handler: async ({ params, principal }) => {
      await deps.access.assert(principal, params.id, 'read');
      return { body: { events: await getDisclosureAudit(deps.db, params.id) } };
    },
  });

  api.route({
    method: 'post',
    path: '/disclosures/{id}/redaction-preview',
    summary: '预览修改内容或脱敏规则后的公开版本（不保存）',
    tags,
    access: roles.read,
    request: { params: ZIdParams, body: ZPreviewRedaction },
    responses: { 200: { description: 'OK', schema: ZRedactionPreview }, ...problemResponses },
    handler: async ({ params, body, principal }) => {
      await deps.access.assert(principal, params.id, 'read');
      return { body: await previewRedaction(deps.db, params.id, body) };
    },
  });

  api.route({
    method: 'post',
    path: '/disclosures/{id}/versions',
    summary: '保存新版本（修改草稿或脱敏规则；已公示的记录则开始更正）',
    tags,
    access: roles.edit,
    idempotent: true,
    request: { params: ZIdParams, body: ZReviseDisclosure },
    responses: { 201: { description: '新版本已保存', schema: ZRevisionResult }, ...problemResponses },
    handler: async ({ idempotency, params, body, principal, req }) => {
      await deps.access.assert(principal, params.id, 'edit');
      return deps.uow(actorOf(principal, req), idempotency, async (ctx) => {
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
      });
    },
  });

  const transition = <S extends z.ZodType>(
    path: string,
    summary: string,
    access: (typeof roles)[keyof typeof roles],
    action: TDisclosureAction,
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
      idempotent: true,
      request: { params: ZIdParams, body: schema },
      responses: { 200: { description: 'OK', schema: ZDisclosureView }, ...problemResponses },
      handler: async ({ idempotency, params, body, principal, req }) => {
        await deps.access.assert(principal, params.id, action);
        return deps.uow(actorOf(principal, req), idempotency, async (ctx) => ({
          status: 200,
          body: toDisclosureView(await run(ctx, params.id, body as z.infer<S>)),
        }));
      },
    });

  transition('submit', '提交内部审核', roles.submit, 'edit', ZSubmitForReview, submitForReview);
  transition(
    'check',
    '审核（通过或退回修改）；审核人不能是起草人或提交人',
    roles.check,
    'check',
    ZCheckDisclosure,
    checkDisclosure,
  );
  transition(
    'approval',
    '负责人批准（或退回）；批准后由案件流程发布，更正与目录则即时发布',
    roles.approve,
    'approve',
    ZApproveDisclosure,
    approveDisclosure,
  );

  // ---- withdrawal and non-publication: requested, checked, approved (#13 items 9 and 2) ---------
  type TOutcomeResult = Awaited<ReturnType<typeof requestWithdrawal>>;
  const outcomeBody = (r: TOutcomeResult) => ({
    disclosure: toDisclosureView(r.disclosure),
    request: toOutcomeRequestView(r.request),
  });
  const ZRequestParams = ZIdParams.extend({ requestId: z.uuid({ error: '编号格式不正确' }) });

  api.route({
    method: 'post',
    path: '/disclosures/{id}/withdrawal-requests',
    summary: '申请撤下已公示的决定（写明撤销或确认文书和说明），经审核和负责人批准后撤下',
    tags,
    access: roles.requestOutcome,
    idempotent: true,
    request: { params: ZIdParams, body: ZWithdrawalRequest },
    responses: {
      201: { description: '撤下申请已提交，待审核', schema: ZOutcomeResult },
      ...problemResponses,
    },
    handler: async ({ idempotency, params, body, principal, req }) => {
      await deps.access.assert(principal, params.id, 'requestOutcome');
      return deps.uow(actorOf(principal, req), idempotency, async (ctx) => ({
        status: 201,
        body: outcomeBody(
          await requestWithdrawal(ctx, params.id, body, {
            withdrawalWorkingDays: deps.withdrawalWorkingDays,
          }),
        ),
      }));
    },
  });

  api.route({
    method: 'post',
    path: '/disclosures/{id}/non-publication-requests',
    summary: '申请对尚未公开的决定不予公开（法定理由和说明），经审核和负责人批准后登记',
    tags,
    access: roles.requestOutcome,
    idempotent: true,
    request: { params: ZIdParams, body: ZNonPublicationRequest },
    responses: {
      201: { description: '不予公开申请已提交，待审核', schema: ZOutcomeResult },
      ...problemResponses,
    },
    handler: async ({ idempotency, params, body, principal, req }) => {
      await deps.access.assert(principal, params.id, 'requestOutcome');
      return deps.uow(actorOf(principal, req), idempotency, async (ctx) => ({
        status: 201,
        body: outcomeBody(await requestNonPublication(ctx, params.id, body)),
      }));
    },
  });

  api.route({
    method: 'get',
    path: '/exemptions',
    summary: '不予公开的决定清单（理由、说明、申请人、审核人、批准人），按理由计数',
    tags,
    access: roles.statistics,
    request: { query: ZExemptionsQuery },
    responses: { 200: { description: 'OK', schema: ZExemptionsList }, ...problemResponses },
    handler: async ({ query, principal }) => ({
      body: await listExemptions(deps.db, query, await deps.access.listScope(principal)),
    }),
  });

  api.route({
    method: 'get',
    path: '/publication-completeness',
    summary:
      '选择性公示核查：一年内每件执法决定的公开结果（按期、逾期、经批准不予公开、公开前撤销、期限内、逾期未公开），按单位统计',
    tags,
    access: roles.statistics,
    request: { query: ZPublicationCompletenessQuery },
    responses: { 200: { description: 'OK', schema: ZPublicationCompleteness }, ...problemResponses },
    handler: async ({ query, principal }) => ({
      body: await publicationCompleteness(deps.db, query, deps.now(), await deps.access.listScope(principal)),
    }),
  });

  api.route({
    method: 'post',
    path: '/disclosures/{id}/outcome-requests/{requestId}/check',
    summary: '审核撤下或不予公开申请（通过或退回）；审核人不能是申请人或本案执法人员',
    tags,
    access: roles.checkOutcome,
    idempotent: true,
    request: { params: ZRequestParams, body: ZOutcomeCheck },
    responses: { 200: { description: 'OK', schema: ZOutcomeResult }, ...problemResponses },
    handler: async ({ idempotency, params, body, principal, req }) => {
      await deps.access.assert(principal, params.id, 'check');
      return deps.uow(actorOf(principal, req), idempotency, async (ctx) => ({
        status: 200,
        body: outcomeBody(await checkOutcome(ctx, params.id, params.requestId, body)),
      }));
    },
  });

  api.route({
    method: 'post',
    path: '/disclosures/{id}/outcome-requests/{requestId}/approval',
    summary: '负责人批准撤下或不予公开（或退回）；批准后才撤下或登记为不予公开',
    tags,
    access: roles.approveOutcome,
    idempotent: true,
    request: { params: ZRequestParams, body: ZOutcomeApproval },
    responses: { 200: { description: 'OK', schema: ZOutcomeResult }, ...problemResponses },
    handler: async ({ idempotency, params, body, principal, req }) => {
      await deps.access.assert(principal, params.id, 'approve');
      return deps.uow(actorOf(principal, req), idempotency, async (ctx) => ({
        status: 200,
        body: outcomeBody(await approveOutcome(ctx, params.id, params.requestId, body)),
      }));
    },
  });
}
