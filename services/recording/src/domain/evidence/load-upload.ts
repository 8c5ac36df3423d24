import { AppError, type TDatabase } from '@sanxiang/shared';
import { getCaseNumberOf } from '../../data-access/case-file-repository';
import { findUpload } from '../../data-access/evidence-repository';
import type { TCallContext } from '../call-context';
import { loadCaseFile, requireCaseOfficer, type TCaseFileWithOfficers } from '../access/case-access';

/** The upload session with its case; only the case's officers may send or finish it. */
export async function loadUploadForOfficer(db: TDatabase, ctx: TCallContext, uploadId: string) {
  const upload = await findUpload(db, uploadId);
  if (!upload) throw new AppError('notFound', '上传任务不存在');
  const caseRow = await getCaseNumberOf(db, upload.caseId);
  const file: TCaseFileWithOfficers = await loadCaseFile(db, caseRow.caseNumber, ctx.principal);
  requireCaseOfficer(ctx.principal, file, '上传证据');
  return { upload, file };
}

export function requireUploadOpen(upload: { status: string; expiresAt: Date }): void {
  if (upload.status !== 'open') {
    throw new AppError(
      'conflict',
      `该上传任务已${upload.status === 'aborted' ? '取消' : upload.status === 'expired' ? '过期' : '结束'}，请重新创建上传任务`,
      {
        extra: { uploadStatus: upload.status },
      },
    );
  }
  if (upload.expiresAt <= new Date()) throw new AppError('conflict', '该上传任务已过期，请重新创建上传任务');
}
