import { listOpenUploadsOfCase } from '../../data-access/evidence-repository';
import { uploadView } from '../case-file/case-file-views';
import { loadCaseFile, requireCaseOfficer } from '../access/case-access';
import type { TCallContext } from '../call-context';
import type { TRecordingDeps } from '../recording-deps';

/**
 * The case's upload sessions still open (not completed, aborted or expired), oldest first, with the
 * parts received: after a page reload, a dropped connection or on another computer the officer sees
 * which uploads are unfinished, resumes one by choosing the same file again (only the missing parts
 * are sent) or gives it up (its parts are discarded, nothing is left in the store).
 */
export async function listOpenEvidenceUploads(deps: TRecordingDeps, ctx: TCallContext, caseNumber: string) {
  const file = await loadCaseFile(deps.db, caseNumber, ctx.principal);
  requireCaseOfficer(ctx.principal, file, '查看未完成的上传');
  const uploads = await listOpenUploadsOfCase(deps.db, file.id, new Date());
  return uploads.map((u) => ({
    ...uploadView(u),
    createdBy: { id: u.createdById, name: u.createdByName },
    createdAt: u.createdAt.toISOString(),
  }));
}
