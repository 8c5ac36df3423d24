import { refuseByRule, type TPrincipal } from '@sanxiang/shared';
import type { TTransaction } from '@sanxiang/shared';
import { findOpinionByReviewer } from '../../data-access/record-repository';
import type { TCaseFileWithOfficers } from '../access/case-access';

/**
 * 职责分离 (审核办法 §3, §17): the head who approves a case's decision (负责人审批) never approves
 * their own work — they are not one of its officers (a deputy head may also hold the officer role)
 * and did not issue its legal-review opinion.
 */
export async function assertHeadApprovalIndependent(
  tx: TTransaction,
  file: TCaseFileWithOfficers,
  principal: TPrincipal,
): Promise<void> {
  if (file.officers.some((o) => o.userId === principal.id)) {
    throw refuseByRule('separationOfDuties', `${principal.name} 是本案执法人员，不能审批本案`, {
      extra: { reason: 'handlingOfficer' },
    });
  }
  const reviewed = await findOpinionByReviewer(tx, file.id, principal.id);
  if (reviewed) {
    throw refuseByRule('separationOfDuties', `${principal.name} 出具了本案的法制审核意见，不能再审批本案`, {
      extra: { reason: 'reviewer', recordId: reviewed.id },
    });
  }
}
