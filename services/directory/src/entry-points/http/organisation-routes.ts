import { AppError, type Api } from '@sanxiang/shared';
import { z } from 'zod';
import { findUnit, listAgencies, listUnits } from '../../data-access/directory-repository';
import type { TDomainDeps } from '../../domain/deps';
import { ZDirectoryId } from '../../domain/ids';
import { saveAgency, ZAgencyView, ZSaveAgencyBody } from '../../domain/units/save-agency';
import { saveUnit, ZSaveUnitBody } from '../../domain/units/save-unit';
import { setUnitLeadership, ZUnitLeadershipBody } from '../../domain/units/set-unit-leadership';
import { unitView, ZUnitView } from '../../domain/views';
import { actorOf, admins, problem, readers } from './http-context';

const ZAgencyParams = z.object({ agencyId: ZDirectoryId });
const ZUnitParams = z.object({ unitId: ZDirectoryId });

/** The agency and its units, with heads and deputies. */
export function organisationRoutes(api: Api, deps: TDomainDeps): void {
  api.route({
    method: 'get',
    path: '/agencies',
    summary: '行政执法机关列表',
    tags: ['organisation'],
    access: readers,
    responses: { 200: { description: '机关', schema: z.array(ZAgencyView) } },
    handler: async () => ({
      body: (await listAgencies(deps.db)).map((a) => ({ id: a.id, name: a.name })),
    }),
  });

  api.route({
    method: 'put',
    path: '/agencies/{agencyId}',
    summary: '登记或更名行政执法机关（幂等）',
    tags: ['organisation'],
    access: admins,
    request: { params: ZAgencyParams, body: ZSaveAgencyBody },
    responses: {
      200: { description: '已更新（或无变化）', schema: ZAgencyView },
      201: { description: '已登记', schema: ZAgencyView },
      400: problem('请求不合法'),
      409: problem('名称已被使用'),
    },
    handler: async (ctx) => {
      const { created, agency } = await saveAgency(deps, actorOf(ctx), ctx.params.agencyId, ctx.body);
      return { status: created ? 201 : 200, body: agency };
    },
  });

  api.route({
    method: 'get',
    path: '/units',
    summary: '机构列表（含负责人、副职）',
    tags: ['organisation'],
    access: readers,
    request: { query: z.object({ agencyId: ZDirectoryId.optional() }) },
    responses: { 200: { description: '机构', schema: z.array(ZUnitView) } },
    handler: async ({ query }) => ({
      body: (await listUnits(deps.db, { agencyId: query.agencyId })).map(unitView),
    }),
  });

  api.route({
    method: 'get',
    path: '/units/{unitId}',
    summary: '机构详情',
    tags: ['organisation'],
    access: readers,
    request: { params: ZUnitParams },
    responses: { 200: { description: '机构', schema: ZUnitView }, 404: problem('机构不存在') },
    handler: async ({ params }) => {
      const unit = await findUnit(deps.db, params.unitId);
      if (!unit) throw new AppError('notFound', `机构 ${params.unitId} 不存在`);
      return { body: unitView(unit) };
    },
  });

  api.route({
    method: 'put',
    path: '/units/{unitId}',
    summary: '登记或修改机构（执法承办机构、法制审核机构、公示机构等；幂等）',
    tags: ['organisation'],
    access: admins,
    request: { params: ZUnitParams, body: ZSaveUnitBody },
    responses: {
      200: { description: '已更新（或无变化）', schema: ZUnitView },
      201: { description: '已登记', schema: ZUnitView },
      400: problem('请求不合法'),
      409: problem('代码或名称已被使用'),
      422: problem('机关不存在'),
    },
    handler: async (ctx) => {
      const { created, unit } = await saveUnit(deps, actorOf(ctx), ctx.params.unitId, ctx.body);
      return { status: created ? 201 : 200, body: unit };
    },
  });

  api.route({
    method: 'put',
    path: '/units/{unitId}/leadership',
    summary: '任命机构负责人和副职（须为本机构在职人员；幂等）',
    tags: ['organisation'],
    access: admins,
    request: { params: ZUnitParams, body: ZUnitLeadershipBody },
    responses: {
      200: { description: '机构', schema: ZUnitView },
      404: problem('机构不存在'),
      422: problem('人员不是本机构在职人员'),
    },
    handler: async (ctx) => ({
      body: await setUnitLeadership(deps, actorOf(ctx), ctx.params.unitId, ctx.body),
    }),
  });
}
