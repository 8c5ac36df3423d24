import { AppError, fieldError } from '@sanxiang/shared';
import type { TEscalationRequest } from '@sanxiang/shared/src/contracts';
import { appendAuditEvent } from '../../data-access/audit-trail';
import { createEscalation, findEscalation } from '../../data-access/case-file-repository';
import { inIdempotentTransaction } from '../../data-access/transaction';
import { actorOf, auditContext, type TCallContext } from '../call-context';
import { loadCaseFile } from '../access/case-access';
import type { TRecordingDeps } from '../recording-deps';

/**
 * A reminder (level 0) or escalation (1, 2) from the lifecycle, kept in the case file (append-only).
 * Idempotent twice over: by Idempotency-Key, and by its natural key (clock, level, due instant).
 */
export async function recordEscalation(
  deps: TRecordingDeps,
  ctx: TCallContext,
  caseNumber: string,
  input: TEscalationRequest,
) {
  if (!ctx.idempotency) throw missingKey();
  return inIdempotentTransaction(deps.db, ctx.idempotency, async (tx) => {
    const file = await loadCaseFile(tx, caseNumber, 'system');
    const dueAt = new Date(input.dueAt);
    const existing = await findEscalation(tx, {
      caseId: file.id,
      clockId: input.clockId,
      level: input.level,
      dueAt,
    });
    if (existing) return { status: 200, body: { escalationId: existing.id } };
    const created = await createEscalation(tx, {
      caseId: file.id,
      workflowId: input.workflowId,
      clockId: input.clockId,
      clock: input.clock,
      level: input.level,
      notified: input.notified,
      reason: input.reason,
      dueAt,
      at: new Date(input.at),
      round: input.round ?? null,
      cycle: input.cycle ?? null,
      activityId: input.activityId ?? null,
    });
    await appendAuditEvent(tx, {
      actor: actorOf(ctx),
      action: 'escalation.recorded',
      subject: `escalation:${created.id}`,
      caseId: file.id,
      details: {
        clockId: input.clockId,
        level: input.level,
        dueAt: input.dueAt,
        audience: input.notified.audience,
      },
      context: auditContext(ctx),
    });
    deps.logger.info(
      { caseNumber, clockId: input.clockId, level: input.level, notified: input.notified },
      'escalation recorded',
    );
    return { status: 201, body: { escalationId: created.id } };
  });
}

export const missingKey = () =>
  new AppError('validation', '内部接口须带 Idempotency-Key 请求头', {
    fields: [fieldError('headers.idempotency-key', '必须填写')],
  });
