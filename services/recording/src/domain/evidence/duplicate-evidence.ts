import { AppError, type TTransaction } from '@sanxiang/shared';
import { findEvidenceWithHash } from '../../data-access/evidence-repository';

/**
 * The same file twice in one case would be locked twice for thirty years. A file whose SHA-256 is
 * already evidence of this case is refused (409, naming the existing evidence) unless the officer
 * states why it is a distinct original (`distinctOriginalReason`, recorded with the evidence and in
 * the audit trail). Checked when the upload is declared (nothing is sent) and again when it is
 * registered, under the case file's row lock, so two uploads racing each other cannot both pass.
 */
export async function refuseDuplicateEvidence(
  tx: TTransaction,
  caseId: string,
  sha256: string,
  distinctOriginalReason: string | null | undefined,
) {
  if (distinctOriginalReason) return;
  const existing = await findEvidenceWithHash(tx, caseId, sha256);
  if (!existing) return;
  throw new AppError(
    'conflict',
    `本案已有相同内容（SHA-256 相同）的证据文件“${existing.fileName}”；如确属另一份原始文件，请填写“另一原始文件说明”后重新上传`,
    {
      fields: [{ path: 'body.sha256', message: '与本案已有证据的 SHA-256 相同' }],
      extra: { existingEvidenceId: existing.id, existingEvidence: `/evidence/${existing.id}` },
    },
  );
}
