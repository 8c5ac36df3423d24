import { z } from 'zod';
import { AppError, fieldError } from '@sanxiang/shared';
import { createAccessRequest, listAccessRequestsOfCase } from '../../data-access/access-request-repository';
import { appendAuditEvent } from '../../data-access/audit-trail';
import { countEvidenceOfCase } from '../../data-access/evidence-repository';
import { inIdempotentTransaction } from '../../data-access/transaction';
import { actorOf, auditContext, type TCallContext } from '../call-context';
import { caseNotFound, findCaseFile, isUnitHead, loadCaseFile, readBasisOf } from './case-access';
import { accessRequestView } from '../case-file/case-file-views';
import type { TRecordingDeps } from '../recording-deps';

/** 调阅申请 (记录规定 §19): read a case's materials beyond one's own permission, with a reason. */
export const ZRequestEvidenceAccess = z.object({
  reason: z.string().trim().min(1).max(2000),
  /** Only these evidence files; absent or empty: the whole case file. */
  evidenceIds: z.array(z.uuid()).max(500).default([]),
});
export type TRequestEvidenceAccess = z.infer<typeof ZRequestEvidenceAccess>;

/**
 * What a caller who cannot read the case gets, whether the case exists or not (docs/authorization.md,
 * rule `accessRequest`): 202 and nothing that tells the two apart. The request of an existing case
 * is stored and goes to the heads of its unit; the requester sees it in the case's list once a head
 * has decided it. A missing case (or evidence not of the case) stores nothing and is audited.
 */
export const ACCESS_REQUEST_RECEIVED = {
  status: 202,
  body: {
    status: 'received',
    message: '调阅申请已收到；经本案承办机构负责人审批后，可在本案的调阅申请中查看结果',
  },
} as const;

export async function requestEvidenceAccess(
  deps: TRecordingDeps,
  ctx: TCallContext,
  caseNumber: string,
  input: TRequestEvidenceAccess,
) {
  return inIdempotentTransaction(deps.db, ctx.idempotency, async (tx) => {
    const file = await findCaseFile(tx, caseNumber);
    const ids = [...new Set(input.evidenceIds)];
    const reads = file ? (await readBasisOf(tx, ctx.principal, file, 'any')) !== undefined : false;
    const evidenceOfCase =
      ids.length === 0 || (file !== null && (await countEvidenceOfCase(tx, file.id, ids)) === ids.length);
    if (!file || (!evidenceOfCase && !reads)) {
      // Missing, or evidence a caller out of reach cannot know: the same answer as a stored request.
      await appendAuditEvent(tx, {
        actor: actorOf(ctx),
        action: 'accessRequest.discarded',
        subject: `case:${caseNumber}`,
        caseId: file?.id ?? null,
        details: {
          caseNumber,
          reason: file ? 'evidenceNotOfCase' : 'notFound',
          requestReason: input.reason,
          evidenceIds: ids,
          roles: ctx.principal.roles,
          unitId: ctx.principal.unitId ?? null,
        },
        context: auditContext(ctx),
      });
      return ACCESS_REQUEST_RECEIVED;
    }
    if (!evidenceOfCase) {
      throw new AppError('validation', '申请调阅的证据不属于本案', {
        fields: [fieldError('body.evidenceIds', '含有不属于本案的证据')],
      });
    }
    const created = await createAccessRequest(tx, {
      caseId: file.id,
      requesterId: ctx.principal.id,
      requesterName: ctx.principal.name,
      reason: input.reason,
      evidenceIds: ids,
    });
    await appendAuditEvent(tx, {
      actor: actorOf(ctx),
      action: 'accessRequest.created',
      subject: `accessRequest:${created.id}`,
      caseId: file.id,
      details: { reason: input.reason, evidenceIds: ids },
      context: auditContext(ctx),
    });
    // A caller who reads the case knows it exists: they get the request itself.
    return reads ? { status: 201, body: accessRequestView(created) } : ACCESS_REQUEST_RECEIVED;
  });
}

/**
 * The heads of the case's unit see every request of the case; anyone else sees their own. A
 * requester outside the case's reach sees their own only once a head has decided them (a pending
 * request would tell an existing case from a missing one); with none, 404 as for a missing case.
 */
export async function listAccessRequests(deps: TRecordingDeps, ctx: TCallContext, caseNumber: string) {
  const file = await loadCaseFile(deps.db, caseNumber, 'system');
  const reads = (await readBasisOf(deps.db, ctx.principal, file, 'any')) !== undefined;
  const rows = await listAccessRequestsOfCase(deps.db, file.id, {
    requesterId: isUnitHead(ctx.principal, file) ? undefined : ctx.principal.id,
    decidedOnly: !reads,
  });
  if (rows.length === 0 && !reads) throw caseNotFound(caseNumber);
  return rows.map(accessRequestView);
}
