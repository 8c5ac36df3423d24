import { AppError, type Api } from '@sanxiang/shared';
import { z } from 'zod';
import { findCertificate, listCertificates } from '../../data-access/directory-repository';
import {
  changeCertificateStatus,
  ZCertificateStatusBody,
} from '../../domain/certificates/change-certificate-status';
import {
  saveCertificate,
  ZCertificateNumberParam,
  ZSaveCertificateBody,
} from '../../domain/certificates/save-certificate';
import type { TDomainDeps } from '../../domain/deps';
import { ZDirectoryId } from '../../domain/ids';
import { certificateView, ZCertificateView } from '../../domain/views';
import { actorOf, admins, problem, readers } from './http-context';

/** 行政执法证: registration, correction, suspension, revocation. */
export function certificateRoutes(api: Api, deps: TDomainDeps): void {
  api.route({
    method: 'get',
    path: '/certificates',
    summary: '执法证列表',
    tags: ['certificates'],
    access: readers,
    request: { query: z.object({ personId: ZDirectoryId.optional() }) },
    responses: { 200: { description: '执法证', schema: z.array(ZCertificateView) } },
    handler: async ({ query }) => ({
      body: (await listCertificates(deps.db, { personId: query.personId })).map(certificateView),
    }),
  });

  api.route({
    method: 'get',
    path: '/certificates/{certificateNumber}',
    summary: '执法证详情',
    tags: ['certificates'],
    access: readers,
    request: { params: ZCertificateNumberParam },
    responses: { 200: { description: '执法证', schema: ZCertificateView }, 404: problem('执法证不存在') },
    handler: async ({ params }) => {
      const certificate = await findCertificate(deps.db, params.certificateNumber);
      if (!certificate) throw new AppError('notFound', `执法证 ${params.certificateNumber} 不存在`);
      return { body: certificateView(certificate) };
    },
  });

  api.route({
    method: 'put',
    path: '/certificates/{certificateNumber}',
    summary: '登记或更正执法证（持证人、执法类别、执法区域、有效期；幂等）',
    tags: ['certificates'],
    access: admins,
    request: { params: ZCertificateNumberParam, body: ZSaveCertificateBody },
    responses: {
      200: { description: '已更正（或无变化）', schema: ZCertificateView },
      201: { description: '已登记', schema: ZCertificateView },
      400: problem('请求不合法'),
      409: problem('执法证属于他人'),
      422: problem('人员不存在'),
    },
    handler: async (ctx) => {
      const { created, certificate } = await saveCertificate(
        deps,
        actorOf(ctx),
        ctx.params.certificateNumber,
        ctx.body,
      );
      return { status: created ? 201 : 200, body: certificate };
    },
  });

  api.route({
    method: 'put',
    path: '/certificates/{certificateNumber}/status',
    summary: '暂停、吊销或恢复执法证（须说明理由；吊销不可恢复；立即生效）',
    tags: ['certificates'],
    access: admins,
    request: { params: ZCertificateNumberParam, body: ZCertificateStatusBody },
    responses: {
      200: { description: '执法证', schema: ZCertificateView },
      404: problem('执法证不存在'),
      409: problem('已吊销'),
    },
    handler: async (ctx) => ({
      body: await changeCertificateStatus(deps, actorOf(ctx), ctx.params.certificateNumber, ctx.body),
    }),
  });
}
