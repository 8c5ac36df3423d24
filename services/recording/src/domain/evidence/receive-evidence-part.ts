import { createHash } from 'node:crypto';
import { AppError, fieldError, type TEvidenceMediaKind } from '@sanxiang/shared';
import { appendAuditEvent } from '../../data-access/audit-trail';
import {
  claimMultipartUploadId,
  getMultipartUploadId,
  getUpload,
  upsertUploadPart,
} from '../../data-access/evidence-repository';
import { inTransaction } from '../../data-access/transaction';
import { actorOf, auditContext, type TCallContext } from '../call-context';
import { requireOpen } from '../access/case-access';
import { uploadView } from '../case-file/case-file-views';
import { bareContentType, contentMatchesType } from './evidence-media-types';
import { loadUploadForOfficer, requireUploadOpen } from './load-upload';
import type { TRecordingDeps } from '../recording-deps';
import type { TIncomingContent } from './receive-evidence-content';

/**
 * Resumable upload (断点续传): one part of a large file per request, any order, repeatable. The part
 * goes to the store as a part of a multipart upload, which is not an object until completed; the
 * client asks `GET /evidence-uploads/{id}` which parts arrived and sends only the missing ones.
 */
export async function receiveEvidencePart(
  deps: TRecordingDeps,
  ctx: TCallContext,
  uploadId: string,
  partNumber: number,
  content: TIncomingContent,
) {
  const { upload, file } = await loadUploadForOfficer(deps.db, ctx, uploadId);
  requireUploadOpen(upload);
  requireOpen(file);
  const size = Number(upload.size);
  const partCount = Math.ceil(size / upload.partSize);
  if (partNumber > partCount) {
    throw new AppError('validation', `分片序号超出范围（共 ${partCount} 片）`, {
      fields: [fieldError('params.partNumber', `应为 1 至 ${partCount}`)],
    });
  }
  const expected = partNumber < partCount ? upload.partSize : size - upload.partSize * (partCount - 1);
  const type = bareContentType(content.headers['content-type']);
  if (type !== 'application/octet-stream' && type !== upload.contentType) {
    throw new AppError(
      'unsupportedMediaType',
      `分片的 Content-Type 应为 application/octet-stream 或 ${upload.contentType}`,
      {
        fields: [
          fieldError('headers.content-type', `应为 application/octet-stream 或 ${upload.contentType}`),
        ],
      },
    );
  }
  const length = content.headers['content-length'];
  if (length !== undefined && Number(length) !== expected) {
    throw new AppError('validation', `第 ${partNumber} 片应为 ${expected} 字节，请求体为 ${length} 字节`, {
      fields: [fieldError('headers.content-length', `应为 ${expected}`)],
    });
  }

  // A part is at most one part size: read it whole (bounded memory), hash it, then send it.
  const buffer = Buffer.allocUnsafe(expected);
  let received = 0;
  for await (const chunk of content.body) {
    if (received + chunk.length > expected) {
      throw new AppError('validation', `第 ${partNumber} 片超过 ${expected} 字节`, {
        fields: [fieldError('body', `超过 ${expected} 字节`)],
      });
    }
    chunk.copy(buffer, received);
    received += chunk.length;
  }
  if (received !== expected) {
    throw new AppError('validation', `第 ${partNumber} 片应为 ${expected} 字节，只收到 ${received} 字节`, {
      fields: [fieldError('body', `不足 ${expected} 字节`)],
    });
  }
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  const declared = content.headers['x-content-sha256'];
  if (typeof declared === 'string' && declared.toLowerCase() !== sha256) {
    throw new AppError('unprocessable', `第 ${partNumber} 片的 SHA-256 与 X-Content-SHA256 不一致，未保存`, {
      fields: [fieldError('headers.x-content-sha256', `与收到内容的 SHA-256（${sha256}）不一致`)],
    });
  }
  if (
    partNumber === 1 &&
    !contentMatchesType(upload.mediaKind as TEvidenceMediaKind, upload.contentType, buffer)
  ) {
    throw new AppError('unsupportedMediaType', `文件内容不是声明的类型 ${upload.contentType}，未保存`, {
      fields: [fieldError('body', `内容不是 ${upload.contentType}`)],
    });
  }

  const s3UploadId = await ensureMultipart(
    deps,
    upload.id,
    upload.objectKey,
    upload.contentType,
    upload.s3UploadId,
  );
  const etag = await deps.store.uploadPart(upload.objectKey, s3UploadId, partNumber, buffer);
  await inTransaction(deps.db, async (tx) => {
    await upsertUploadPart(tx, { uploadId: upload.id, partNumber, size: expected, sha256, etag });
    await appendAuditEvent(tx, {
      actor: actorOf(ctx),
      action: 'evidenceUpload.partReceived',
      subject: `upload:${upload.id}`,
      caseId: upload.caseId,
      details: { partNumber, size: expected, sha256 },
      context: auditContext(ctx),
    });
  });
  const fresh = await getUpload(deps.db, upload.id);
  return uploadView(fresh);
}

/** The session's multipart upload, begun by the first part to arrive (exactly one, even if concurrent). */
async function ensureMultipart(
  deps: TRecordingDeps,
  uploadId: string,
  key: string,
  contentType: string,
  existing: string | null,
) {
  if (existing) return existing;
  const begun = await deps.store.beginMultipart(key, contentType);
  if (await claimMultipartUploadId(deps.db, uploadId, begun)) return begun;
  await deps.store.abortMultipart(key, begun).catch(() => undefined);
  const winner = await getMultipartUploadId(deps.db, uploadId);
  return winner.s3UploadId!;
}
