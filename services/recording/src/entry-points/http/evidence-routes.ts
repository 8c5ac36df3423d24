import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Api } from '@sanxiang/shared';
import { abortEvidenceUpload, getEvidenceUpload } from '../../domain/evidence/abort-evidence-upload';
import { completeEvidenceUpload } from '../../domain/evidence/complete-evidence-upload';
import { ZCreateEvidenceUpload, createEvidenceUpload } from '../../domain/evidence/create-evidence-upload';
import {
  ZEvidenceParams,
  downloadEvidence,
  listEvidence,
  viewEvidence,
} from '../../domain/evidence/read-evidence';
import {
  receiveEvidenceContent,
  type TIncomingContent,
} from '../../domain/evidence/receive-evidence-content';
import { receiveEvidencePart } from '../../domain/evidence/receive-evidence-part';
import { listOpenEvidenceUploads } from '../../domain/evidence/list-evidence-uploads';
import { allowedContentTypes } from '../../domain/evidence/evidence-media-types';
import type { TRecordingDeps } from '../../domain/recording-deps';
import { callContextOf, staffRoles } from './call-context';
import { ZCaseParams } from './case-file-routes';

const tags = ['证据 evidence'];
const ZUploadParams = z.object({ uploadId: z.uuid() });
/** Every type some kind of evidence may have: the upload's declared one is checked by the use case. */
const evidenceContentTypes = [...new Set(Object.values(allowedContentTypes).flatMap((t) => Object.keys(t)))];

/** The raw request body as a stream; not destroyed when we stop reading early (so we can answer). */
const incoming = (req: Request): TIncomingContent => ({
  headers: req.headers,
  body: req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>,
});

/** When we answer before reading the whole body, close the connection instead of draining it. */
async function streamingBody<T>(req: Request, res: Response, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    if (!req.readableEnded) res.set('Connection', 'close');
    return result;
  } catch (err) {
    if (!req.readableEnded) res.set('Connection', 'close');
    throw err;
  }
}

export function evidenceRoutes(api: Api, deps: TRecordingDeps) {
  api.route({
    method: 'post',
    path: '/cases/{caseNumber}/evidence-uploads',
    summary: '创建证据上传任务：声明执法活动、类型、文件名、大小与 SHA-256',
    tags,
    access: ['officer'],
    idempotent: true,
    request: { params: ZCaseParams, body: ZCreateEvidenceUpload },
    handler: async ({ req, principal, idempotency, params, body }) =>
      createEvidenceUpload(deps, callContextOf(req, principal, idempotency), params.caseNumber, body),
  });
  api.route({
    method: 'get',
    path: '/cases/{caseNumber}/evidence-uploads',
    summary: '本案未完成的上传任务（含已收到的分片，用于刷新页面或断网后续传）',
    tags,
    access: ['officer'],
    request: { params: ZCaseParams },
    handler: async ({ req, principal, params }) => ({
      body: await listOpenEvidenceUploads(deps, callContextOf(req, principal), params.caseNumber),
    }),
  });
  api.route({
    method: 'get',
    path: '/evidence-uploads/{uploadId}',
    summary: '上传任务状态（已收到的分片，用于断点续传）',
    tags,
    access: ['officer'],
    request: { params: ZUploadParams },
    handler: async ({ req, principal, params }) => ({
      body: await getEvidenceUpload(deps, callContextOf(req, principal), params.uploadId),
    }),
  });
  api.route({
    method: 'put',
    path: '/evidence-uploads/{uploadId}/content',
    summary: '一次上传整个文件（流式写入对象存储，边传边算 SHA-256）；Content-Type 须为声明的类型',
    tags,
    access: ['officer'],
    request: {
      params: ZUploadParams,
      rawBody: {
        description:
          '证据文件的原始字节；Content-Type 为创建上传任务时声明的类型，Content-Length 为声明的大小',
        contentTypes: evidenceContentTypes,
      },
    },
    responses: {
      201: { description: '已保存、登记并锁定' },
      200: { description: '该上传已完成（重复请求）' },
      400: { description: '大小与声明不符' },
      409: { description: '案件已结案或上传任务已结束' },
      415: { description: '类型与声明不符' },
      422: { description: 'SHA-256 与声明不符' },
      503: { description: '对象存储不可用' },
    },
    handler: async ({ req, res, principal, params }) =>
      streamingBody(req, res, () =>
        receiveEvidenceContent(deps, callContextOf(req, principal), params.uploadId, incoming(req)),
      ),
  });
  api.route({
    method: 'put',
    path: '/evidence-uploads/{uploadId}/parts/{partNumber}',
    summary: '上传一个分片（断点续传；除最后一片外每片为 partSize 字节）',
    tags,
    access: ['officer'],
    request: {
      params: ZUploadParams.extend({ partNumber: z.coerce.number().int().min(1).max(10_000) }),
      rawBody: {
        description: '本分片的原始字节（除最后一片外每片为 partSize 字节）；可带 X-Content-SHA256 校验',
        contentTypes: ['application/octet-stream'],
      },
    },
    handler: async ({ req, res, principal, params }) =>
      streamingBody(req, res, async () => ({
        body: await receiveEvidencePart(
          deps,
          callContextOf(req, principal),
          params.uploadId,
          params.partNumber,
          incoming(req),
        ),
      })),
  });
  api.route({
    method: 'post',
    path: '/evidence-uploads/{uploadId}/complete',
    summary: '完成分片上传：合并、复核 SHA-256、登记并锁定',
    tags,
    access: ['officer'],
    request: { params: ZUploadParams },
    handler: async ({ req, principal, params }) =>
      completeEvidenceUpload(deps, callContextOf(req, principal), params.uploadId),
  });
  api.route({
    method: 'delete',
    path: '/evidence-uploads/{uploadId}',
    summary: '取消上传任务（未登记任何内容）',
    tags,
    access: ['officer'],
    request: { params: ZUploadParams },
    handler: async ({ req, principal, params }) => ({
      body: await abortEvidenceUpload(deps, callContextOf(req, principal), params.uploadId),
    }),
  });
  api.route({
    method: 'get',
    path: '/cases/{caseNumber}/evidence',
    summary: '本案证据文件列表',
    tags,
    access: staffRoles,
    request: { params: ZCaseParams },
    handler: async ({ req, principal, params }) => ({
      body: await listEvidence(deps, callContextOf(req, principal), params.caseNumber),
    }),
  });
  api.route({
    method: 'get',
    path: '/evidence/{evidenceId}',
    summary: '查看证据信息（调阅留痕）',
    tags,
    access: staffRoles,
    request: { params: ZEvidenceParams },
    handler: async ({ req, principal, params }) => ({
      body: await viewEvidence(deps, callContextOf(req, principal), params.evidenceId),
    }),
  });
  api.route({
    method: 'get',
    path: '/evidence/{evidenceId}/content',
    summary: '下载证据原件：先核对 SHA-256，不一致则拒绝（调阅留痕）',
    tags,
    access: staffRoles,
    request: { params: ZEvidenceParams },
    responses: { 200: { description: '原件' }, 409: { description: '存储的文件与登记的哈希不一致' } },
    handler: async ({ req, res, principal, params }) => {
      const { evidence, stream } = await downloadEvidence(
        deps,
        callContextOf(req, principal),
        params.evidenceId,
      );
      res.status(200).set({
        'Content-Type': evidence.contentType,
        'Content-Length': String(evidence.size),
        'Content-Disposition': `attachment; filename="evidence"; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`,
        'Repr-Digest': `sha-256=:${Buffer.from(evidence.sha256, 'hex').toString('base64')}:`,
        'X-Evidence-SHA256': evidence.sha256,
        'Cache-Control': 'no-store',
      });
      try {
        await pipeline(stream, res);
      } catch (err) {
        deps.logger.error(
          { err, evidenceId: evidence.id },
          'evidence download cut: bytes did not match or the store failed',
        );
        res.destroy();
      }
    },
  });
}
