import type { Api } from '@sanxiang/shared';
import { drawSpotCheck, ZDrawSpotCheckBody, ZSpotCheck } from '../../domain/spot-checks/draw-spot-check';
import { fileDecision, ZDecisionFiling, ZFileDecisionBody } from '../../domain/filings/file-decision';
import {
  getSpotCheck,
  listSpotChecks,
  ZSpotCheckParams,
  ZSpotChecksQuery,
} from '../../domain/spot-checks/get-spot-check';
import { listDecisionFilings, ZFilingsQuery } from '../../domain/filings/list-decision-filings';
import {
  recordSpotCheckFinding,
  ZRecordSpotCheckFindingBody,
  ZSpotCheckItem,
  ZSpotCheckItemParams,
} from '../../domain/spot-checks/record-spot-check-finding';
import { ZPage } from '../../domain/review/review-views';
import { actorOf, office, officeActorOf, problem, type TRouteDeps } from './http-context';

/** 备案与抽查 (审核办法 §16). */
export function spotCheckRoutes(api: Api, deps: TRouteDeps): void {
  api.route({
    method: 'post',
    path: '/decision-filings',
    summary: '执法决定备案（承办机构报送；按 案号+文号 幂等）',
    tags: ['spot checks'],
    access: ['officer', 'system'],
    idempotent: true,
    request: { body: ZFileDecisionBody },
    responses: {
      201: { description: '已备案', schema: ZDecisionFiling },
      200: { description: '此前已备案', schema: ZDecisionFiling },
      404: problem('案件不存在，或调用者不是该案的执法人员'),
      409: problem('该案件的决定书文号已以不同内容备案'),
      422: problem('承办机构与案卷不一致，或 Idempotency-Key 已用于内容不同的请求'),
      503: problem('案卷系统暂不可用'),
    },
    handler: async (ctx) => {
      const { filing, created } = await fileDecision(
        deps,
        await actorOf(deps, ctx),
        ctx.body,
        ctx.idempotency,
      );
      return { status: created ? 201 : 200, body: filing };
    },
  });

  api.route({
    method: 'get',
    path: '/decision-filings',
    summary: '备案的执法决定清单（决定日期倒序，游标分页）',
    tags: ['spot checks'],
    access: office,
    request: { query: ZFilingsQuery },
    responses: { 200: { description: '一页备案', schema: ZPage(ZDecisionFiling) } },
    handler: async (ctx) => {
      await officeActorOf(deps, ctx, '查看备案的执法决定');
      return { body: await listDecisionFilings(deps, ctx.query) };
    },
  });

  api.route({
    method: 'post',
    path: '/spot-checks',
    summary: '随机抽取备案决定进行抽查（以种子确定、可复核，抽取结果留档）',
    tags: ['spot checks'],
    access: office,
    idempotent: true,
    request: { body: ZDrawSpotCheckBody },
    responses: { 201: { description: '已抽取', schema: ZSpotCheck }, 409: problem('范围内没有备案') },
    handler: async (ctx) => ({
      status: 201,
      body: await drawSpotCheck(
        deps,
        await officeActorOf(deps, ctx, '抽取备案决定进行抽查'),
        ctx.body,
        ctx.idempotency,
      ),
    }),
  });

  api.route({
    method: 'get',
    path: '/spot-checks',
    summary: '抽查记录（最新在前，游标分页）',
    tags: ['spot checks'],
    access: office,
    request: { query: ZSpotChecksQuery },
    responses: { 200: { description: '一页抽查', schema: ZPage(ZSpotCheck) } },
    handler: async (ctx) => {
      await officeActorOf(deps, ctx, '查看抽查记录');
      return { body: await listSpotChecks(deps, ctx.query) };
    },
  });

  api.route({
    method: 'get',
    path: '/spot-checks/{spotCheckId}',
    summary: '一次抽查及其样本',
    tags: ['spot checks'],
    access: office,
    request: { params: ZSpotCheckParams },
    responses: { 200: { description: '抽查', schema: ZSpotCheck }, 404: problem('不存在') },
    handler: async (ctx) => {
      await officeActorOf(deps, ctx, '查看抽查记录');
      return { body: await getSpotCheck(deps, ctx.params.spotCheckId) };
    },
  });

  api.route({
    method: 'put',
    path: '/spot-checks/{spotCheckId}/items/{itemId}/finding',
    summary: '记录抽查样本的检查结论',
    tags: ['spot checks'],
    access: office,
    request: { params: ZSpotCheckItemParams, body: ZRecordSpotCheckFindingBody },
    responses: { 200: { description: '已记录', schema: ZSpotCheckItem }, 404: problem('样本不存在') },
    handler: async (ctx) => ({
      body: await recordSpotCheckFinding(
        deps,
        await officeActorOf(deps, ctx, '记录抽查结论'),
        ctx.params,
        ctx.body,
      ),
    }),
  });
}
