import type { TStageTransitionRequest } from '@sanxiang/shared/src/contracts';
import { appendAuditEvent } from '../../data-access/audit-trail';
import {
  createStageTransition,
  findLatestStageTransition,
  findStageTransition,
  updateCaseFile,
} from '../../data-access/case-file-repository';
import { inIdempotentTransaction } from '../../data-access/transaction';
import { actorOf, auditContext, type TCallContext } from '../call-context';
import { lockCaseFile } from '../access/case-access';
import type { TRecordingDeps } from '../recording-deps';
import { missingKey } from './record-escalation';

/**
 * The lifecycle moved the case to another stage: the case file keeps the history (append-only) and
 * its current stage and decision cycle, so lists and rules here need no Temporal query.
 */
export async function recordStageTransition(
  deps: TRecordingDeps,
  ctx: TCallContext,
  caseNumber: string,
  input: TStageTransitionRequest,
) {
  if (!ctx.idempotency) throw missingKey();
  return inIdempotentTransaction(deps.db, ctx.idempotency, async (tx) => {
    const file = await lockCaseFile(tx, caseNumber, 'system');
    const at = new Date(input.at);
    const key = { caseId: file.id, workflowId: input.workflowId, from: input.from, to: input.to, at };
    if (await findStageTransition(tx, key)) {
      return { status: 200, body: { ok: true } };
    }
    await createStageTransition(tx, {
      ...key,
      cycle: input.cycle,
      round: input.round ?? null,
      note: input.note ?? null,
    });
    // Transitions may arrive out of order after retries: the latest instant decides the current stage.
    const latest = await findLatestStageTransition(tx, file.id);
    if (latest) await updateCaseFile(tx, file.id, { stage: latest.to, cycle: latest.cycle });
    await appendAuditEvent(tx, {
      actor: actorOf(ctx),
      action: 'stage.changed',
      subject: `case:${file.id}`,
      caseId: file.id,
      details: {
        from: input.from,
        to: input.to,
        at: input.at,
        cycle: input.cycle,
        round: input.round ?? null,
      },
      context: auditContext(ctx),
    });
    return { status: 200, body: { ok: true } };
  });
}
