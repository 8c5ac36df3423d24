import { createHash } from 'node:crypto';
import { AppError, fieldError } from '@sanxiang/shared';
import { appendAuditEvent } from '../../data-access/audit-trail';
import { getEvidence, updateUpload } from '../../data-access/evidence-repository';
import { inTransaction } from '../../data-access/transaction';
import { actorOf, auditContext, type TCallContext } from '../call-context';
import { requireOpen } from '../access/case-access';
import { evidenceView } from '../case-file/case-file-views';
import { loadUploadForOfficer, requireUploadOpen } from './load-upload';
import { registerEvidence, removeUnregistered } from './register-evidence';
import type { TRecordingDeps } from '../recording-deps';
import type { TStoredVersion } from '../../data-access/evidence-store';

/**
 * Completes a part-by-part upload: all parts present with their sizes → the store assembles the
 * object version → the service reads that version back and hashes it (parts may have come in any
 * order, so the whole-file SHA-256 is taken from what is actually stored) → registered and locked.
 * A mismatch removes the version (not yet locked) and closes the session: nothing is stored.
 */
export async function completeEvidenceUpload(deps: TRecordingDeps, ctx: TCallContext, uploadId: string) {
  const { upload, file } = await loadUploadForOfficer(deps.db, ctx, uploadId);
  if (upload.status === 'completed' && upload.evidenceId) {
    const evidence = await getEvidence(deps.db, upload.evidenceId);
    return { status: 200, body: evidenceView(evidence) };
  }
  requireUploadOpen(upload);
  requireOpen(file);
  const size = Number(upload.size);
  const partCount = Math.ceil(size / upload.partSize);
  const byNumber = new Map(upload.parts.map((p) => [p.partNumber, p]));
  const missing = Array.from({ length: partCount }, (_, i) => i + 1).filter((n) => !byNumber.has(n));
  if (missing.length > 0 || !upload.s3UploadId) {
    throw new AppError('conflict', `还有 ${missing.length} 个分片未上传`, {
      extra: { missingParts: missing.slice(0, 1000) },
    });
  }
  const versionId = await completeInStore(deps, upload.objectKey, upload.s3UploadId, size, upload.parts);
  const actual = await hashVersion(deps, upload.objectKey, versionId).catch(async (err: unknown) => {
    await removeUnregistered(deps, upload.objectKey, versionId);
    throw err;
  });
  if (actual.sha256 !== upload.sha256 || actual.size !== size) {
    await removeUnregistered(deps, upload.objectKey, versionId);
    await inTransaction(deps.db, async (tx) => {
      await updateUpload(tx, upload.id, { status: 'aborted' });
      await appendAuditEvent(tx, {
        actor: actorOf(ctx),
        action: 'evidenceUpload.failed',
        subject: `upload:${upload.id}`,
        caseId: upload.caseId,
        details: {
          reason: 'hashMismatch',
          declared: upload.sha256,
          received: actual.sha256,
          size: actual.size,
        },
        context: auditContext(ctx),
      });
    });
    throw new AppError(
      'unprocessable',
      '合并后文件的 SHA-256 或大小与声明的不一致，未保存；请重新创建上传任务',
      {
        fields: [fieldError('body.sha256', `声明为 ${upload.sha256}，实际为 ${actual.sha256}`)],
      },
    );
  }
  return { status: 201, body: await registerEvidence(deps, ctx, upload, versionId, file.caseNumber) };
}

/**
 * Assembles the parts in the store, or finds what an earlier attempt assembled: an attempt that
 * stopped after the store completed the upload but before the version was registered (the service
 * killed, PostgreSQL down) leaves no multipart upload behind, and every retry would fail with
 * NoSuchUpload for ever. The key is this upload's own, so its newest version of the declared size is
 * that object; the caller then hashes it like any completed one before registering it.
 */
async function completeInStore(
  deps: Pick<TRecordingDeps, 'store'>,
  key: string,
  s3UploadId: string,
  size: number,
  parts: { partNumber: number; etag: string }[],
): Promise<string> {
  try {
    return await deps.store.completeMultipart(
      key,
      s3UploadId,
      parts.map((p) => ({ part: p.partNumber, etag: p.etag })).sort((a, b) => a.part - b.part),
    );
  } catch (err) {
    if ((err as { code?: string }).code !== 'NoSuchUpload') throw err;
    let assembled: TStoredVersion | undefined;
    for await (const v of deps.store.listVersions(key)) {
      if (v.key !== key || v.isDeleteMarker || v.size !== size) continue;
      if (!assembled || v.lastModified > assembled.lastModified) assembled = v;
    }
    if (!assembled) throw err;
    return assembled.versionId;
  }
}

export async function hashVersion(deps: Pick<TRecordingDeps, 'store'>, key: string, versionId: string) {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of await deps.store.readVersion(key, versionId)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}
