import { z } from 'zod';
import { AppError, caseStageLabel, type TCaseStage } from '@sanxiang/shared';
import { lifecycleUpdates } from '@sanxiang/shared/src/contracts';
import { appendAuditEvent } from '../../data-access/audit-trail';
import { updateCaseFile } from '../../data-access/case-file-repository';
import { inTransaction } from '../../data-access/transaction';
import { actorOf, auditContext, type TCallContext } from '../call-context';
import { loadCaseFile, lockCaseFile, requireCaseOfficer } from '../access/case-access';
import { caseFileView } from './case-file-views';
import type { TRecordingDeps } from '../recording-deps';

/** 结案: close the case file. Before a decision the lifecycle is closed too (closeCase update). */
export const ZCloseCaseFile = z.object({ reason: z.string().trim().min(1).max(2000) });
export type TCloseCaseFile = z.infer<typeof ZCloseCaseFile>;

// Stages at which the lifecycle itself still runs a case without a decision: it must agree to close.
const closableByUpdate: TCaseStage[] = ['investigation', 'proposal'];
// Stages after which the lifecycle needs nothing more from the case file.
const settled: TCaseStage[] = [
  'disclosure',
  'published',
  'withdrawn',
  'expired',
  'exempt',
  'transferred',
  'closed',
];

export async function closeCaseFile(
  deps: TRecordingDeps,
  ctx: TCallContext,
  caseNumber: string,
  input: TCloseCaseFile,
) {
  const file = await loadCaseFile(deps.db, caseNumber, ctx.principal);
  requireCaseOfficer(ctx.principal, file, '结案');
  if (file.status !== 'open') {
    if (file.closeReason === input.reason) return { status: 200, body: caseFileView(file) }; // a repeat
    throw new AppError('conflict', `案卷 ${caseNumber} 已结案`);
  }
  const stage = file.stage as TCaseStage;
  const closedAt = new Date();
  if (closableByUpdate.includes(stage)) {
    // The update id makes a retried close get the workflow's first answer.
    await deps.gateway.update(
      caseNumber,
      lifecycleUpdates.closeCase,
      { closedBy: ctx.principal.id, closedAt: closedAt.toISOString(), reason: input.reason },
      `close:${file.id}`,
      z.object({ stage: z.string() }),
    );
  } else if (!settled.includes(stage)) {
    throw new AppError(
      'conflict',
      `案件处于「${caseStageLabel[stage] ?? stage}」阶段（法制审核或决定尚未完成），不能结案`,
    );
  }
  await inTransaction(deps.db, async (tx) => {
    const locked = await lockCaseFile(tx, caseNumber, 'system');
    if (locked.status !== 'open') return;
    await updateCaseFile(tx, file.id, {
      status: 'closed',
      closedAt,
      closedById: ctx.principal.id,
      closeReason: input.reason,
    });
    await appendAuditEvent(tx, {
      actor: actorOf(ctx),
      action: 'caseFile.closed',
      subject: `case:${file.id}`,
      caseId: file.id,
      details: { reason: input.reason, stage },
      context: auditContext(ctx),
    });
  });
  return { status: 200, body: caseFileView(await loadCaseFile(deps.db, caseNumber, 'system')) };
}
