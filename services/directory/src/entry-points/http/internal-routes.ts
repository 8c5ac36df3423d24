import { AppError, type Api } from '@sanxiang/shared';
import {
  ZCertificateCheckRequest,
  ZCertificateCheckResponse,
  ZDirectoryPerson,
  ZDirectoryUnit,
  ZInspectorPool,
  ZPersonPhoto,
  ZPublicPersonnelList,
  ZUnitKind,
} from '@sanxiang/shared/src/contracts';
import { ZIsoDate } from '@sanxiang/shared/src/domain/identifiers';
import { z } from 'zod';
import {
  findPerson,
  findPersonByLogin,
  findUnit,
  listPeople,
  listUnits,
} from '../../data-access/directory-repository';
import { checkCertificates } from '../../domain/certificates/check-certificates';
import { inspectorPool } from '../../domain/certificates/inspector-pool';
import { publicPersonnel } from '../../domain/certificates/public-personnel';
import type { TDomainDeps } from '../../domain/deps';
import { ZDirectoryId } from '../../domain/ids';
import { getPersonPhoto } from '../../domain/people/person-photo';
import { directoryPerson, unitView } from '../../domain/views';
import { problem } from './http-context';

const system = ['system'] as const;

/** What the identity provider, recording and disclosure ask of the directory (machine token). */
export function internalRoutes(api: Api, deps: TDomainDeps): void {
  api.route({
    method: 'get',
    path: '/internal/people/by-login/{login}',
    summary: '按登录名查在职人员（身份认证服务登录时调用）',
    tags: ['internal'],
    access: system,
    request: { params: z.object({ login: z.string().trim().min(1).max(64) }) },
    responses: {
      200: { description: '在职人员', schema: ZDirectoryPerson },
      404: problem('无此登录名或已离职'),
    },
    handler: async ({ params }) => {
      const person = await findPersonByLogin(deps.db, params.login);
      if (!person || !person.active) throw new AppError('notFound', '无此在职人员');
      return { body: directoryPerson(person) };
    },
  });

  api.route({
    method: 'get',
    path: '/internal/people/{personId}',
    summary: '按 id（令牌 sub）查人员，含已离职人员（active 为 false）',
    tags: ['internal'],
    access: system,
    request: { params: z.object({ personId: ZDirectoryId }) },
    responses: { 200: { description: '人员', schema: ZDirectoryPerson }, 404: problem('人员不存在') },
    handler: async ({ params }) => {
      const person = await findPerson(deps.db, params.personId);
      if (!person) throw new AppError('notFound', `人员 ${params.personId} 不存在`);
      return { body: directoryPerson(person) };
    },
  });

  api.route({
    method: 'get',
    path: '/internal/people/{personId}/photo',
    summary: '执法人员照片（供公示平台的执法人员清单；base64）',
    tags: ['internal'],
    access: system,
    request: { params: z.object({ personId: ZDirectoryId }) },
    responses: { 200: { description: '照片', schema: ZPersonPhoto }, 404: problem('人员没有照片') },
    handler: async ({ params }) => ({ body: await getPersonPhoto(deps, params.personId) }),
  });

  api.route({
    method: 'get',
    path: '/internal/units/{unitId}',
    summary: '机构及其负责人、副职',
    tags: ['internal'],
    access: system,
    request: { params: z.object({ unitId: ZDirectoryId }) },
    responses: { 200: { description: '机构', schema: ZDirectoryUnit }, 404: problem('机构不存在') },
    handler: async ({ params }) => {
      const unit = await findUnit(deps.db, params.unitId);
      if (!unit) throw new AppError('notFound', `机构 ${params.unitId} 不存在`);
      return { body: unitView(unit) };
    },
  });

  api.route({
    method: 'get',
    path: '/internal/units',
    summary: '某类机构（如法制审核机构、公示工作机构、机关领导）及其负责人（通知服务按期限找责任人时调用）',
    tags: ['internal'],
    access: system,
    request: { query: z.object({ kind: ZUnitKind }) },
    responses: { 200: { description: '机构', schema: z.array(ZDirectoryUnit) } },
    handler: async ({ query }) => ({
      body: (await listUnits(deps.db)).filter((u) => u.kind === query.kind).map(unitView),
    }),
  });

  api.route({
    method: 'get',
    path: '/internal/people',
    summary: '机构的在职人员（按期限找责任人时调用）',
    tags: ['internal'],
    access: system,
    request: { query: z.object({ unitId: ZDirectoryId }) },
    responses: { 200: { description: '在职人员', schema: z.array(ZDirectoryPerson) } },
    handler: async ({ query }) => ({
      body: (await listPeople(deps.db, { unitId: query.unitId, active: true })).map(directoryPerson),
    }),
  });

  api.route({
    method: 'post',
    path: '/internal/certificate-checks',
    summary: '执法证核验：每名执法人员在该日（北京时间）是否持有覆盖该类别与区域的有效执法证，是否至少两名',
    tags: ['internal'],
    access: system,
    request: { body: ZCertificateCheckRequest },
    responses: {
      200: { description: '逐人结论（只读，不改变任何数据）', schema: ZCertificateCheckResponse },
      400: problem('请求不合法'),
    },
    handler: async ({ body }) => ({ body: await checkCertificates(deps, body) }),
  });

  api.route({
    method: 'get',
    path: '/internal/public-personnel',
    summary: '执法人员清单：此刻（或 at 时刻）持有效执法证的在职人员，供公示平台生成',
    tags: ['internal'],
    access: system,
    request: { query: z.object({ at: z.iso.datetime({ offset: true }).optional() }) },
    responses: { 200: { description: '清单', schema: ZPublicPersonnelList } },
    handler: async ({ query }) => ({
      body: await publicPersonnel(deps, query.at ? new Date(query.at) : deps.now()),
    }),
  });

  api.route({
    method: 'get',
    path: '/internal/inspectors',
    summary:
      '执法检查人员名录库（双随机）：在 from 至 to 每一天都持有覆盖该执法类别与区域的有效执法证的在职人员，按人员 id 排序',
    tags: ['internal'],
    access: system,
    request: {
      query: z
        .object({
          from: ZIsoDate,
          to: ZIsoDate,
          category: z.string().trim().min(1).max(100),
          area: z.string().trim().min(1).max(100),
        })
        .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] }),
    },
    responses: { 200: { description: '检查人员名录', schema: ZInspectorPool }, 400: problem('请求不合法') },
    handler: async ({ query }) => ({ body: await inspectorPool(deps, query) }),
  });
}
