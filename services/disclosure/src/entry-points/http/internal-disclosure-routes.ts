import type { Api } from '@sanxiang/shared';
import {
  ZDisclosureDraftRequest,
  ZDisclosureDraftResponse,
  ZDisclosureExpireRequest,
  ZDisclosureExpireResponse,
  ZDisclosurePublishRequest,
  ZDisclosurePublishResponse,
  ZDisclosureRevocationRequest,
  ZDisclosureRevocationResponse,
} from '@sanxiang/shared/src/contracts';
import { createDecisionDraft } from '../../domain/decisions/create-decision-draft';
import { expireDisclosure } from '../../domain/publication/expire-disclosure';
import { publishDisclosure } from '../../domain/publication/publish-disclosure';
import { stopRevokedDisclosure } from '../../domain/publication/stop-revoked-disclosure';
import { roles } from '../../domain/decisions/review-policy';
import { actorOf, problemResponses, ZIdParams, type TRouteDeps } from './route-support';

/** The endpoints the case-lifecycle workflow's activities call (docs/service-contracts.md §2). */
export function registerInternalDisclosureRoutes(api: Api, deps: TRouteDeps): void {
  api.route({
    method: 'post',
    path: '/internal/disclosures',
    summary: '接收案件流程推送的公示草稿或不予公开记录（按案号+决定轮次幂等）',
    tags: ['internal'],
    access: roles.system,
    idempotent: true,
    request: { body: ZDisclosureDraftRequest },
    responses: {
      201: { description: '已创建', schema: ZDisclosureDraftResponse },
      200: { description: '已存在（重复请求）', schema: ZDisclosureDraftResponse },
      ...problemResponses,
    },
    handler: async ({ idempotency, body, principal, req }) =>
      deps.uow(actorOf(principal, req), idempotency, (ctx) => createDecisionDraft(ctx, body)),
  });

  api.route({
    method: 'post',
    path: '/internal/disclosures/{id}/publish',
    summary: '发布已批准的决定（仅在负责人批准后；重复调用返回首次发布时间）',
    tags: ['internal'],
    access: roles.system,
    idempotent: true,
    request: { params: ZIdParams, body: ZDisclosurePublishRequest },
    responses: { 200: { description: '已发布', schema: ZDisclosurePublishResponse }, ...problemResponses },
    handler: async ({ idempotency, params, body, principal, req }) =>
      deps.uow(actorOf(principal, req), idempotency, async (ctx) => ({
        status: 200,
        body: await publishDisclosure(ctx, params.id, body),
      })),
  });

  api.route({
    method: 'post',
    path: '/internal/disclosures/{id}/revocation',
    summary: '决定在公开前被撤销、确认违法或责令重新作出：终止待公开记录并记录说明（重复调用返回首次时间）',
    tags: ['internal'],
    access: roles.system,
    idempotent: true,
    request: { params: ZIdParams, body: ZDisclosureRevocationRequest },
    responses: {
      200: { description: '已终止公示', schema: ZDisclosureRevocationResponse },
      ...problemResponses,
    },
    handler: async ({ idempotency, params, body, principal, req }) =>
      deps.uow(actorOf(principal, req), idempotency, async (ctx) => ({
        status: 200,
        body: await stopRevokedDisclosure(ctx, params.id, body),
      })),
  });

  api.route({
    method: 'post',
    path: '/internal/disclosures/{id}/expire',
    summary: '公示期满撤下（5 年；自然人 2 年）',
    tags: ['internal'],
    access: roles.system,
    idempotent: true,
    request: { params: ZIdParams, body: ZDisclosureExpireRequest },
    responses: { 200: { description: '已撤下', schema: ZDisclosureExpireResponse }, ...problemResponses },
    handler: async ({ idempotency, params, body, principal, req }) =>
      deps.uow(actorOf(principal, req), idempotency, async (ctx) => ({
        status: 200,
        body: await expireDisclosure(ctx, params.id, body),
      })),
  });
}
