import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AppError, fieldError, type TEvidenceMediaKind } from '@sanxiang/shared';
import { appendAuditEvent } from '../../data-access/audit-trail';
import { getEvidence } from '../../data-access/evidence-repository';
import { inTransaction } from '../../data-access/transaction';
import { actorOf, auditContext, type TCallContext } from '../call-context';
import { requireOpen } from '../access/case-access';
import { evidenceView } from '../case-file/case-file-views';
import { bareContentType, contentMatchesType, sniffLength } from './evidence-media-types';
import { loadUploadForOfficer, requireUploadOpen } from './load-upload';
import { registerEvidence } from './register-evidence';
import type { TRecordingDeps } from '../recording-deps';
import { PartUploader } from './stream-to-parts';

export interface TIncomingContent {
  headers: IncomingHttpHeaders;
  body: AsyncIterable<Buffer>;
}

/**
 * Receives an upload's whole content in one request and streams it to the store as a multipart
 * upload, computing SHA-256 and the size on the way. The upload is completed (becomes an object
 * version) only when size, hash and type all match what was declared; any failure before that aborts
 * the multipart upload, so nothing is stored, and the upload session stays open for another try.
 *
 * `replayed` is true when the upload was already complete: the body was not read.
 */
export async function receiveEvidenceContent(
  deps: TRecordingDeps,
  ctx: TCallContext,
  uploadId: string,
  content: TIncomingContent,
) {
  const { upload, file } = await loadUploadForOfficer(deps.db, ctx, uploadId);
  if (upload.status === 'completed' && upload.evidenceId) {
    const evidence = await getEvidence(deps.db, upload.evidenceId);
    return { status: 200, body: evidenceView(evidence), replayed: true };
  }
  requireUploadOpen(upload);
  requireOpen(file);
  if (upload.s3UploadId) throw new AppError('conflict', '该上传任务已按分片方式上传，请继续上传分片并完成');
  checkHeaders(content.headers, upload.contentType, Number(upload.size));

  const size = Number(upload.size);
  const s3UploadId = await deps.store.beginMultipart(upload.objectKey, upload.contentType);
  const parts = new PartUploader(
    deps.store,
    upload.objectKey,
    s3UploadId,
    upload.partSize,
    deps.evidence.uploadConcurrency,
  );
  const hash = createHash('sha256');
  let received = 0;
  let head: Buffer | undefined = Buffer.alloc(0);
  let versionId: string;
  try {
    for await (const chunk of content.body) {
      received += chunk.length;
      if (received > size) throw sizeMismatch(size, '超过');
      hash.update(chunk);
      if (head) {
        head = Buffer.concat([head, chunk.subarray(0, sniffLength)]);
        if (head.length >= sniffLength) {
          checkSignature(upload.mediaKind as TEvidenceMediaKind, upload.contentType, head);
          head = undefined;
        }
      }
      await parts.write(chunk);
    }
    if (received < size) throw sizeMismatch(size, '不足');
    if (head) checkSignature(upload.mediaKind as TEvidenceMediaKind, upload.contentType, head);
    const actual = hash.digest('hex');
    if (actual !== upload.sha256) {
      throw new AppError('unprocessable', '文件内容的 SHA-256 与声明的不一致，未保存；请核对文件后重新上传', {
        fields: [fieldError('body.sha256', `声明为 ${upload.sha256}，实际为 ${actual}`)],
        extra: { declaredSha256: upload.sha256, receivedSha256: actual },
      });
    }
    const etags = await parts.finish();
    versionId = await deps.store.completeMultipart(upload.objectKey, s3UploadId, etags);
  } catch (err) {
    await parts.settle();
    await deps.store.abortMultipart(upload.objectKey, s3UploadId).catch((abortErr: unknown) => {
      deps.logger.warn(
        { err: abortErr, uploadId },
        'could not abort a failed multipart upload; the store expires it',
      );
    });
    await noteRejected(deps, ctx, upload.id, upload.caseId, err);
    throw err;
  }
  const evidence = await registerEvidence(deps, ctx, upload, versionId, file.caseNumber);
  return { status: 201, body: evidence, replayed: false };
}

function checkHeaders(headers: IncomingHttpHeaders, declaredType: string, size: number) {
  const type = bareContentType(headers['content-type']);
  if (type !== declaredType) {
    throw new AppError(
      'unsupportedMediaType',
      `Content-Type 应为创建上传任务时声明的 ${declaredType}，实际为 ${type || '（无）'}`,
      {
        fields: [fieldError('headers.content-type', `应为 ${declaredType}`)],
      },
    );
  }
  const length = headers['content-length'];
  if (length !== undefined && Number(length) !== size) {
    throw new AppError('validation', `请求体长度 ${length} 与声明的文件大小 ${size} 不一致，未保存`, {
      fields: [fieldError('headers.content-length', `应为 ${size}`)],
    });
  }
}

function checkSignature(kind: TEvidenceMediaKind, contentType: string, head: Buffer) {
  if (!contentMatchesType(kind, contentType, head)) {
    throw new AppError('unsupportedMediaType', `文件内容不是声明的类型 ${contentType}，未保存`, {
      fields: [fieldError('body', `内容不是 ${contentType}`)],
    });
  }
}

const sizeMismatch = (size: number, how: string) =>
  new AppError('validation', `收到的数据${how}声明的文件大小 ${size} 字节，未保存`, {
    fields: [fieldError('body.size', `与声明的大小 ${size} 字节不一致`)],
  });

/** A refused or broken-off upload is a fact worth keeping (who tried to file what, and why not). */
async function noteRejected(
  deps: TRecordingDeps,
  ctx: TCallContext,
  uploadId: string,
  caseId: string,
  err: unknown,
) {
  const reason = err instanceof AppError ? err.code : 'interrupted';
  await inTransaction(deps.db, async (tx) => {
    await appendAuditEvent(tx, {
      actor: actorOf(ctx),
      action: 'evidenceUpload.failed',
      subject: `upload:${uploadId}`,
      caseId,
      details: { reason, message: String((err as Error).message).slice(0, 500) },
      context: auditContext(ctx),
    });
  }).catch((auditErr: unknown) =>
    deps.logger.warn({ err: auditErr, uploadId }, 'could not audit a failed upload'),
  );
}
