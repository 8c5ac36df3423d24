import { AppError, type Api } from '@sanxiang/shared';
import { z } from 'zod';
import { listAuditEvents } from '../../data-access/audit-log';
import { findPerson, listPeople, searchOfficers } from '../../data-access/directory-repository';
import type { TDomainDeps } from '../../domain/deps';
import { ZDirectoryId } from '../../domain/ids';
import { savePerson, ZSavePersonBody } from '../../domain/people/save-person';
import { setPersonPhoto, ZPersonPhotoBody } from '../../domain/people/person-photo';
import {
  officerCandidateView,
  personView,
  ZAuditEventView,
  ZOfficerCandidate,
  ZPersonView,
} from '../../domain/views';
import { actorOf, admins, colleagues, problem, readers } from './http-context';

const ZPersonParams = z.object({ personId: ZDirectoryId });

export function peopleRoutes(api: Api, deps: TDomainDeps): void {
  api.route({
    method: 'get',
    path: '/people',
    summary: '人员列表（按机构、在职状态筛选，按姓名或登录名检索）',
    tags: ['people'],
    access: readers,
    request: {
      query: z.object({
        unitId: ZDirectoryId.optional(),
        active: z
          .enum(['true', 'false'])
          .transform((v) => v === 'true')
          .optional(),
        q: z.string().trim().max(64).optional().describe('姓名或登录名中的文字'),
      }),
    },
    responses: { 200: { description: '人员', schema: z.array(ZPersonView) } },
    handler: async ({ query }) => ({
      body: (
        await listPeople(deps.db, { unitId: query.unitId, active: query.active, q: query.q || undefined })
      ).map(personView),
    }),
  });

  api.route({
    method: 'get',
    path: '/officers',
    summary: '执法人员检索（立案时按姓名选择执法人员，含执法证及有效期；不含联系方式）',
    tags: ['people'],
    access: colleagues,
    request: {
      query: z.object({
        q: z.string().trim().max(64).optional(),
        limit: z.coerce.number().int().min(1).max(50).default(20),
      }),
    },
    responses: { 200: { description: '在职执法人员', schema: z.array(ZOfficerCandidate) } },
    handler: async ({ query }) => ({
      body: (await searchOfficers(deps.db, { q: query.q || undefined, limit: query.limit })).map(
        officerCandidateView,
      ),
    }),
  });

  api.route({
    method: 'get',
    path: '/people/{personId}',
    summary: '人员详情（含执法证）',
    tags: ['people'],
    access: readers,
    request: { params: ZPersonParams },
    responses: { 200: { description: '人员', schema: ZPersonView }, 404: problem('人员不存在') },
    handler: async ({ params }) => {
      const person = await findPerson(deps.db, params.personId);
      if (!person) throw new AppError('notFound', `人员 ${params.personId} 不存在`);
      return { body: personView(person) };
    },
  });

  api.route({
    method: 'put',
    path: '/people/{personId}',
    summary: '登记或修改人员（姓名、登录名、机构、职务、角色、邮箱、电话、在职；幂等）',
    tags: ['people'],
    access: admins,
    request: { params: ZPersonParams, body: ZSavePersonBody },
    responses: {
      200: { description: '已更新（或无变化）', schema: ZPersonView },
      201: { description: '已登记', schema: ZPersonView },
      400: problem('请求不合法'),
      409: problem('登录名已被使用，或其为机构负责人而离开该机构'),
      422: problem('机构不存在'),
    },
    handler: async (ctx) => {
      const { created, person } = await savePerson(deps, actorOf(ctx), ctx.params.personId, ctx.body);
      return { status: created ? 201 : 200, body: person };
    },
  });

  api.route({
    method: 'put',
    path: '/people/{personId}/photo',
    summary: '上传或更换执法人员照片（JPEG 或 PNG，至多 300 KB；公开的执法人员清单显示照片）',
    tags: ['people'],
    access: admins,
    request: { params: ZPersonParams, body: ZPersonPhotoBody },
    responses: {
      200: {
        description: '已保存',
        schema: z.object({
          personId: z.string(),
          contentType: z.string(),
          sha256: z.string(),
          byteLength: z.number(),
        }),
      },
      400: problem('请求不合法'),
      404: problem('人员不存在'),
      422: problem('文件内容与类型不符'),
    },
    handler: async (ctx) => ({
      body: await setPersonPhoto(deps, actorOf(ctx), ctx.params.personId, ctx.body),
    }),
  });

  api.route({
    method: 'get',
    path: '/audit',
    summary: '变更记录（谁、何时、改了什么）：subject 为 agency:… unit:… person:… certificate:…',
    tags: ['audit'],
    access: admins,
    request: {
      query: z.object({
        subject: z
          .string()
          .regex(
            /^(agency|unit|person|certificate):.+$/u,
            '应为 `agency:`、`unit:`、`person:` 或 `certificate:` 加编号',
          ),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
    },
    responses: { 200: { description: '变更记录', schema: z.array(ZAuditEventView) } },
    handler: async ({ query }) => ({
      body: (await listAuditEvents(deps.db, query.subject, query.limit)).map((e) => ({
        at: e.at.toISOString(),
        actorId: e.actorId,
        actorName: e.actorName,
        action: e.action,
        subject: e.subject,
        details: e.details,
      })),
    }),
  });
}
