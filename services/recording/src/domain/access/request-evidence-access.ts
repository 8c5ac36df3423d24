import { z } from 'zod';
import { AppError, fieldError, runIdempotent } from '@sanxiang/shared';
import { appendAuditEvent } from '../../data-access/audit-trail';
import { actorOf, auditContext, type TCallContext } from '../call-context';
import { caseNotFound, isUnitHead, loadCaseFile, readBasisOf } from './case-access';
import { accessRequestView } from '../case-file/case-file-views';
import type { TRecordingDeps } from '../recording-deps';

/** 调阅申请 (记录规定 §19): read a case's materials beyond one's own permission, with a reason. */
export const ZRequestEvidenceAccess = z.object({
  reason: z.string().trim().min(1).max(2000),
  /** Only these evidence files; absent or empty: the whole case file. */
  evidenceIds: z.array(z.uuid()).max(500).default([]),
});
export type TRequestEvidenceAccess = z.infer<typeof ZRequestEvidenceAccess>;

export async function requestEvidenceAccess(
  deps: TRecordingDeps,
  ctx: TCallContext,
  caseNumber: string,
  input: TRequestEvidenceAccess,
) {
  return runIdempotent(deps.db, ctx.idempotency, async (tx) => {
    const file = await loadCaseFile(tx, caseNumber, 'system');
    const ids = [...new Set(input.evidenceIds)];
    if (
      ids.length > 0 &&
      (await tx.evidence.count({ where: { id: { in: ids }, caseId: file.id } })) !== ids.length
    ) {
      throw new AppError('validation', '申请调阅的证据不属于本案', {
        fields: [fieldError('body.evidenceIds', '含有不属于本案的证据')],
      });
    }
    const created = await tx.accessRequest.create({
      data: {
        caseId: file.id,
        requesterId: ctx.principal.id,
        requesterName: ctx.principal.name,
        reason: input.reason,
        evidenceIds: ids,
      },
    });
    await appendAuditEvent(tx, {
      actor: actorOf(ctx),
      action: 'accessRequest.created',
      subject: `accessRequest:${created.id}`,
      caseId: file.id,
      details: { reason: input.reason, evidenceIds: ids },
      context: auditContext(ctx),
    });
    return { status: 201, body: accessRequestView(created) };
  });
}

/** The heads of the case's unit see every request of the case; anyone else sees their own. */
export async function listAccessRequests(deps: TRecordingDeps, ctx: TCallContext, caseNumber: string) {
  // A requester outside the case's reach still sees their own requests; anyone else gets 404.
  const file = await loadCaseFile(deps.db, caseNumber, 'system');
  const rows = await deps.db.accessRequest.findMany({
    where: {
      caseId: file.id,
      ...(isUnitHead(ctx.principal, file) ? {} : { requesterId: ctx.principal.id }),
    },
    orderBy: { requestedAt: 'desc' },
  });
  if (rows.length === 0 && !(await readBasisOf(deps.db, ctx.principal, file, 'any')))
    throw caseNotFound(caseNumber);
  return rows.map(accessRequestView);
}
