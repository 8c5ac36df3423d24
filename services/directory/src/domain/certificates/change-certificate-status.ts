import { AppError, fieldError } from '@sanxiang/shared';
import { z } from 'zod';
import { certificateSubject, writeAudit } from '../../data-access/audit-log';
import { findCertificate, lockCertificate, updateCertificate } from '../../data-access/directory-repository';
import { inTransaction } from '../../data-access/transaction';
import type { TActor, TDomainDeps } from '../deps';
import { certificateView, ZCertificateStatus } from '../views';

export const ZCertificateStatusBody = z
  .object({
    status: ZCertificateStatus,
    /** Why (暂停 / 吊销 / 恢复): a real sentence, kept in the audit trail. */
    reason: z.string().trim().min(4, '请说明理由（至少 4 个字）').max(500),
  })
  .strict();

/**
 * Suspend (暂停), revoke (吊销) or reinstate a certificate. A revoked certificate stays revoked: a
 * new number is issued instead. The change takes effect at once, everywhere the directory is asked.
 */
export async function changeCertificateStatus(
  deps: TDomainDeps,
  actor: TActor,
  number: string,
  body: z.infer<typeof ZCertificateStatusBody>,
) {
  await inTransaction(deps.db, async (tx) => {
    await lockCertificate(tx, number);
    const before = await findCertificate(tx, number);
    if (!before) throw new AppError('notFound', `执法证 ${number} 不存在`);
    if (before.status === body.status) return;
    if (before.status === 'revoked')
      throw new AppError('conflict', `执法证 ${number} 已吊销，不能恢复或暂停；请核发新证`, {
        fields: [fieldError('body.status', '已吊销的执法证不能再变更状态')],
      });
    await updateCertificate(tx, number, { status: body.status, statusReason: body.reason });
    await writeAudit(tx, actor, `certificate.${body.status}`, certificateSubject(number), {
      status: { before: before.status, after: body.status },
      reason: body.reason,
    });
  });
  return certificateView((await findCertificate(deps.db, number))!);
}
