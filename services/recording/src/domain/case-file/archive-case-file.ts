import { AppError } from '@sanxiang/shared';
import { appendAuditEvent } from '../../data-access/audit-trail';
import { updateCaseFile } from '../../data-access/case-file-repository';
import { inTransaction } from '../../data-access/transaction';
import { actorOf, auditContext, type TCallContext } from '../call-context';
import { isCaseOfficer, isUnitHead, loadCaseFile, lockCaseFile } from '../access/case-access';
import { caseFileView } from './case-file-views';
import type { TRecordingDeps } from '../recording-deps';

/** 归档 (记录规定 §18, §20): a closed case file is archived; from then on it only gets read. */
export async function archiveCaseFile(deps: TRecordingDeps, ctx: TCallContext, caseNumber: string) {
  const file = await loadCaseFile(deps.db, caseNumber, ctx.principal);
  if (!isCaseOfficer(ctx.principal, file) && !isUnitHead(ctx.principal, file)) {
    throw new AppError('forbidden', '仅本案执法人员或承办机构负责人可以归档');
  }
  if (file.status === 'archived') return { status: 200, body: caseFileView(file) };
  if (file.status !== 'closed') throw new AppError('conflict', `案卷 ${caseNumber} 尚未结案，不能归档`);
  await inTransaction(deps.db, async (tx) => {
    const locked = await lockCaseFile(tx, caseNumber, 'system');
    if (locked.status !== 'closed') return;
    await updateCaseFile(tx, file.id, {
      status: 'archived',
      archivedAt: new Date(),
      archivedById: ctx.principal.id,
    });
    await appendAuditEvent(tx, {
      actor: actorOf(ctx),
      action: 'caseFile.archived',
      subject: `case:${file.id}`,
      caseId: file.id,
      context: auditContext(ctx),
    });
  });
  return { status: 200, body: caseFileView(await loadCaseFile(deps.db, caseNumber, 'system')) };
}
