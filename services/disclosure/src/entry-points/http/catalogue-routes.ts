import { z } from 'zod';
import type { Api } from '@sanxiang/shared';
import { dateInShanghai } from '@sanxiang/shared/src/calendar';
import { ZCatalogueSection } from '../../domain/catalogue/catalogue-content';
import { ZCatalogueChangeList, ZCatalogueChangeView } from '../../domain/catalogue/catalogue-change-view';
import {
  recordCatalogueClock,
  recordCatalogueEscalation,
  ZCatalogueClockRecord,
  ZCatalogueEscalationRecord,
} from '../../domain/catalogue-clock';
import { createCatalogueEntry, ZCreateCatalogueEntry } from '../../domain/catalogue/create-catalogue-entry';
import { toDisclosureView, ZDisclosureView } from '../../domain/decisions/disclosure-view';
import {
  getPublicCatalogueEntry,
  getPublicCatalogueVersion,
  listPublicCatalogue,
} from '../../domain/catalogue/get-public-catalogue';
import {
  requestCatalogueWithdrawal,
  ZCatalogueWithdrawalRequest,
} from '../../domain/catalogue/withdraw-catalogue-entry';
import { toOutcomeRequestView } from '../../domain/outcomes/outcome-requests';
import { getCatalogueChange, listCatalogueChanges } from '../../domain/catalogue/list-catalogue-changes';
import {
  registerCatalogueChange,
  ZRegisterCatalogueChange,
} from '../../domain/catalogue/register-catalogue-change';
import { roles } from '../../domain/decisions/review-policy';
import { actorOf, problemResponses, ZIdParams, type TRouteDeps } from './route-support';

const today = () => dateInShanghai(new Date());

/** The pre-disclosure catalogue (事前公开): entries, changes of law/functions and their clocks. */
export function registerCatalogueRoutes(api: Api, deps: TRouteDeps): void {
  api.route({
    method: 'post',
    path: '/catalogue/entries',
    summary:
      '起草事前公开目录条目（主体、人员、职责权限、依据、程序及流程图、随机抽查事项、救济途径、监督方式、服务指南、裁量基准、法制审核流程图）',
    tags: ['catalogue'],
    access: roles.edit,
    idempotent: true,
    request: { body: ZCreateCatalogueEntry },
    responses: { 201: { description: '已起草，待提交审核', schema: ZDisclosureView }, ...problemResponses },
    handler: async ({ idempotency, body, principal, req }) =>
      deps.uow(actorOf(principal, req), idempotency, async (ctx) => ({
        status: 201,
        body: toDisclosureView(await createCatalogueEntry(ctx, body)),
      })),
  });

  api.route({
    method: 'post',
    path: '/catalogue/entries/{id}/withdrawal-requests',
    summary:
      '申请撤下已发布的事前公开目录条目（依据废止、职能调整或由新条目取代，写明说明），经审核和负责人批准后撤下，历史版本仍可查阅',
    tags: ['catalogue'],
    access: roles.requestOutcome,
    idempotent: true,
    request: { params: ZIdParams, body: ZCatalogueWithdrawalRequest },
    responses: { 201: { description: '撤下申请已提交，待审核' }, ...problemResponses },
    handler: async ({ idempotency, params, body, principal, req }) =>
      deps.uow(actorOf(principal, req), idempotency, async (ctx) => {
        const r = await requestCatalogueWithdrawal(ctx, params.id, body);
        return {
          status: 201,
          body: { disclosure: toDisclosureView(r.disclosure), request: toOutcomeRequestView(r.request) },
        };
      }),
  });

  api.route({
    method: 'post',
    path: '/catalogue/changes',
    summary: '登记法律法规立改废或职能调整：受影响条目须在生效之日起 20 个工作日内更新（启动计时流程）',
    tags: ['catalogue'],
    access: roles.catalogueChange,
    idempotent: true,
    request: { body: ZRegisterCatalogueChange },
    responses: {
      201: {
        description: '已登记，计时开始',
        schema: z.object({ id: z.uuid(), workflowId: z.string(), status: z.enum(['open', 'completed']) }),
      },
      ...problemResponses,
    },
    handler: async ({ idempotency, body, principal, req }) =>
      deps.uow(actorOf(principal, req), idempotency, async (ctx) => {
        const change = await registerCatalogueChange(ctx, body, {
          client: deps.temporal,
          taskQueue: deps.taskQueue,
        });
        return { status: 201, body: { id: change.id, workflowId: change.workflowId, status: change.status } };
      }),
  });

  api.route({
    method: 'get',
    path: '/catalogue/changes',
    summary: '目录变更登记及其更新期限、提醒和督办',
    tags: ['catalogue'],
    access: roles.read,
    responses: { 200: { description: 'OK', schema: ZCatalogueChangeList }, ...problemResponses },
    handler: async () => ({ body: await listCatalogueChanges(deps.db, today()) }),
  });

  api.route({
    method: 'get',
    path: '/catalogue/changes/{id}',
    summary: '一项目录变更登记：受影响条目的更新情况、期限、提醒和督办',
    tags: ['catalogue'],
    access: roles.read,
    request: { params: ZIdParams },
    responses: { 200: { description: 'OK', schema: ZCatalogueChangeView }, 404: problemResponses[404] },
    handler: async ({ params }) => ({ body: await getCatalogueChange(deps.db, params.id, today()) }),
  });

  // --- called by the catalogue-update clock workflow's activities ---------------------------------
  api.route({
    method: 'post',
    path: '/internal/catalogue-changes/{id}/clock',
    summary: '记录目录更新期限（由计时流程计算）',
    tags: ['internal'],
    access: roles.system,
    idempotent: true,
    request: { params: ZIdParams, body: ZCatalogueClockRecord },
    handler: async ({ idempotency, params, body, principal, req }) =>
      deps.uow(actorOf(principal, req), idempotency, async (ctx) => ({
        status: 200,
        body: await recordCatalogueClock(ctx, params.id, body),
      })),
  });

  api.route({
    method: 'post',
    path: '/internal/catalogue-changes/{id}/escalations',
    summary: '记录目录更新的提醒（0）或督办（1 承办机构负责人，2 机关负责人）；按级别+时刻幂等',
    tags: ['internal'],
    access: roles.system,
    idempotent: true,
    request: { params: ZIdParams, body: ZCatalogueEscalationRecord },
    responses: { 201: { description: '已记录' }, 200: { description: '已存在' }, ...problemResponses },
    handler: async ({ idempotency, params, body, principal, req }) =>
      deps.uow(actorOf(principal, req), idempotency, (ctx) =>
        recordCatalogueEscalation(ctx, params.id, body),
      ),
  });

  // --- public ----------------------------------------------------------------------------------
  api.route({
    method: 'get',
    path: '/api/public/catalogue',
    summary: '事前公开目录（已发布的现行版本）',
    tags: ['public'],
    access: 'public',
    request: { query: z.strictObject({ section: ZCatalogueSection.optional() }) },
    handler: async ({ query }) => ({ body: await listPublicCatalogue(deps.publicReads, query.section) }),
  });

  api.route({
    method: 'get',
    path: '/api/public/catalogue/{id}',
    summary: '事前公开目录条目',
    tags: ['public'],
    access: 'public',
    request: { params: ZIdParams },
    handler: async ({ params }) => ({ body: await getPublicCatalogueEntry(deps.publicReads, params.id) }),
  });

  api.route({
    method: 'get',
    path: '/api/public/catalogue/{id}/versions/{version}',
    summary: '事前公开目录条目的某一历史版本（发布时的内容，以及被更新或撤下的时间和原因）',
    tags: ['public'],
    access: 'public',
    request: { params: ZIdParams.extend({ version: z.coerce.number().int().min(1).max(100000) }) },
    handler: async ({ params }) => ({
      body: await getPublicCatalogueVersion(deps.publicReads, params.id, params.version),
    }),
  });
}
