import { appendAuditEvent } from '../../data-access/audit-trail';
import { setUploadStatus } from '../../data-access/evidence-repository';
import { inTransaction } from '../../data-access/transaction';
import { actorOf, auditContext, type TCallContext } from '../call-context';
import { uploadView } from '../case-file/case-file-views';
import { loadUploadForOfficer, requireUploadOpen } from './load-upload';
import type { TRecordingDeps } from '../recording-deps';

/** Gives up an upload: its parts are discarded by the store; nothing was registered. */
export async function abortEvidenceUpload(deps: TRecordingDeps, ctx: TCallContext, uploadId: string) {
  const { upload } = await loadUploadForOfficer(deps.db, ctx, uploadId);
  if (upload.status === 'aborted') return uploadView(upload);
  requireUploadOpen(upload);
  if (upload.s3UploadId) await deps.store.abortMultipart(upload.objectKey, upload.s3UploadId);
  const updated = await inTransaction(deps.db, async (tx) => {
    const row = await setUploadStatus(tx, upload.id, 'aborted');
    await appendAuditEvent(tx, {
      actor: actorOf(ctx),
      action: 'evidenceUpload.aborted',
      subject: `upload:${upload.id}`,
      caseId: upload.caseId,
      context: auditContext(ctx),
    });
    return row;
  });
  return uploadView(updated);
}

/** The session's state, for a client resuming a part-by-part upload. */
export async function getEvidenceUpload(deps: TRecordingDeps, ctx: TCallContext, uploadId: string) {
  const { upload } = await loadUploadForOfficer(deps.db, ctx, uploadId);
  return uploadView(upload);
}
