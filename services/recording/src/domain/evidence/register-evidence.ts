import { AppError, type Logger } from '@sanxiang/shared';
import { lifecycleSignals } from '@sanxiang/shared/src/contracts';
import { appendAuditEvent } from '../../data-access/audit-trail';
import { enqueueLifecycleMessage } from '../../data-access/lifecycle-outbox';
import {
  claimOpenUpload,
  createEvidence,
  createEvidenceLock,
  findEvidenceLock,
  getEvidence,
  updateUpload,
} from '../../data-access/evidence-repository';
import type { EvidenceUpload } from '../../data-access/rows';
import { inTransaction } from '../../data-access/transaction';
import { actorOf, auditContext, type TCallContext } from '../call-context';
import { lockCaseFile, requireOpen } from '../access/case-access';
import { evidenceView } from '../case-file/case-file-views';
import type { TRecordingDeps } from '../recording-deps';
import { refuseDuplicateEvidence } from './duplicate-evidence';

/**
 * The last step of every upload, once the object version exists and its size and hash are checked:
 * register the row in one transaction (with the audit entry and the evidenceUploaded signal), then
 * lock the version. Never an object without its row: if registering fails, the version is removed
 * (allowed, it has no retention yet). Never a row without its object: the row names the version.
 * If locking fails after commit, the row stays with `locked: false` and the reconciliation command
 * applies the retention (`--repair`).
 */
export async function registerEvidence(
  deps: TRecordingDeps,
  ctx: TCallContext,
  upload: EvidenceUpload,
  versionId: string,
  caseNumber: string,
) {
  const retainUntil = new Date(Date.now() + deps.evidence.retentionDays * 86_400_000);
  let evidenceId: string;
  try {
    evidenceId = await inTransaction(deps.db, async (tx) => {
      const file = await lockCaseFile(tx, caseNumber, 'system');
      requireOpen(file);
      await refuseDuplicateEvidence(tx, upload.caseId, upload.sha256, upload.distinctOriginalReason);
      if (!(await claimOpenUpload(tx, upload.id))) throw new AppError('conflict', '该上传已完成或已取消');
      const evidence = await createEvidence(tx, {
        caseId: upload.caseId,
        activityId: upload.activityId,
        uploadId: upload.id,
        mediaKind: upload.mediaKind,
        contentType: upload.contentType,
        fileName: upload.fileName,
        size: upload.size,
        sha256: upload.sha256,
        bucket: deps.store.bucket,
        objectKey: upload.objectKey,
        versionId,
        retentionMode: deps.evidence.retentionMode,
        retainUntil,
        description: upload.description,
        recordedFrom: upload.recordedFrom,
        recordedUntil: upload.recordedUntil,
        interruptions: upload.interruptions as object,
        distinctOriginalReason: upload.distinctOriginalReason,
        uploadedById: ctx.principal.id,
        uploadedByName: ctx.principal.name,
      });
      await updateUpload(tx, upload.id, { evidenceId: evidence.id });
      await appendAuditEvent(tx, {
        actor: actorOf(ctx),
        action: 'evidence.uploaded',
        subject: `evidence:${evidence.id}`,
        caseId: upload.caseId,
        details: {
          activityId: upload.activityId,
          fileName: upload.fileName,
          size: Number(upload.size),
          sha256: upload.sha256,
          objectKey: upload.objectKey,
          versionId,
          ...(upload.distinctOriginalReason ? { distinctOriginalReason: upload.distinctOriginalReason } : {}),
        },
        context: auditContext(ctx),
      });
      await enqueueLifecycleMessage(tx, upload.caseId, {
        kind: 'signal',
        name: lifecycleSignals.evidenceUploaded,
        payload: { activityId: upload.activityId, uploadedAt: evidence.uploadedAt.toISOString() },
      });
      return evidence.id;
    });
  } catch (err) {
    await removeUnregistered(deps, upload.objectKey, versionId);
    throw err;
  }
  await lockEvidence(deps, evidenceId, ctx);
  await deps.outbox.deliver(upload.caseId);
  const evidence = await getEvidence(deps.db, evidenceId);
  return evidenceView(evidence);
}

/** Applies Object Lock retention to a registered version and records that it did. */
export async function lockEvidence(
  deps: Pick<TRecordingDeps, 'db' | 'store' | 'logger'>,
  evidenceId: string,
  ctx: Pick<TCallContext, 'principal' | 'requestId' | 'ip'>,
): Promise<boolean> {
  const e = await getEvidence(deps.db, evidenceId);
  if (e.lock) return true;
  try {
    await deps.store.applyRetention(e.objectKey, e.versionId, {
      mode: e.retentionMode as 'COMPLIANCE' | 'GOVERNANCE',
      retainUntil: e.retainUntil,
    });
  } catch (err) {
    deps.logger.error(
      { err, evidenceId },
      'evidence registered but not locked yet; run reconcile-evidence --repair',
    );
    return false;
  }
  await inTransaction(deps.db, async (tx) => {
    if (await findEvidenceLock(tx, evidenceId)) return;
    await createEvidenceLock(tx, { evidenceId, mode: e.retentionMode, retainUntil: e.retainUntil });
    await appendAuditEvent(tx, {
      actor: { id: ctx.principal.id, name: ctx.principal.name },
      action: 'evidence.locked',
      subject: `evidence:${evidenceId}`,
      caseId: e.caseId,
      details: { mode: e.retentionMode, retainUntil: e.retainUntil.toISOString(), versionId: e.versionId },
      context: { requestId: ctx.requestId, ip: ctx.ip },
    });
  });
  return true;
}

/** Removes a version that never got its row (no retention yet, so the store allows it). */
export async function removeUnregistered(
  deps: { store: TRecordingDeps['store']; logger: Logger },
  key: string,
  versionId: string,
) {
  try {
    await deps.store.removeVersion(key, versionId);
  } catch (err) {
    deps.logger.error(
      { err, key, versionId },
      'could not remove an unregistered version; reconcile-evidence reports it',
    );
  }
}
