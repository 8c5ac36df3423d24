import { z } from 'zod';
import { AppError, forbidden, type TTransaction } from '@sanxiang/shared';
import { ZInstant } from '@sanxiang/shared/src/contracts';
import { appendAuditEvent } from '../../data-access/audit-trail';
import { lockAccessRequest, updateAccessRequest } from '../../data-access/access-request-repository';
import { inTransaction } from '../../data-access/transaction';
import { actorOf, auditContext, type TCallContext } from '../call-context';
import { accessRequestView } from '../case-file/case-file-views';
import type { TRecordingDeps } from '../recording-deps';
import { isUnitHead, readBasisOf } from './case-access';

/** The head's decision on an access request (负责人批准): approve until an expiry, or refuse. */
export const ZApproveAccess = z.object({
  /** Access ends at this instant (at most 90 days ahead). */
  expiresAt: ZInstant.refine((v) => {
    const t = new Date(v).getTime();
    return t > Date.now() && t <= Date.now() + 90 * 86_400_000;
  }, '应晚于现在，且不超过 90 天'),
  note: z.string().trim().max(2000).optional(),
});
export const ZRefuseAccess = z.object({ note: z.string().trim().min(1).max(2000) });
/** Ending an approved grant before it expires (撤销调阅授权), with the reason. */
export const ZRevokeAccess = z.object({ reason: z.string().trim().min(1).max(2000) });

export type TAccessDecision =
  | ({ decision: 'approved' } & z.infer<typeof ZApproveAccess>)
  | ({ decision: 'refused' } & z.infer<typeof ZRefuseAccess>);

const requestNotFound = () => new AppError('notFound', '调阅申请不存在');

/**
 * The request, locked, when the caller is a head of the case's unit (who decides and revokes);
 * 404 when the caller cannot see the case at all, 403 when they can but are not its unit's head.
 */
async function lockRequestForUnitHead(tx: TTransaction, ctx: TCallContext, requestId: string, what: string) {
  const request = await lockAccessRequest(tx, requestId);
  if (!request) throw requestNotFound();
  if (!isUnitHead(ctx.principal, request.case)) {
    if (!(await readBasisOf(tx, ctx.principal, request.case, 'any'))) throw requestNotFound();
    throw forbidden(`仅本案承办机构的负责人可以${what}调阅申请`);
  }
  return request;
}

export async function decideEvidenceAccess(
  deps: TRecordingDeps,
  ctx: TCallContext,
  requestId: string,
  input: TAccessDecision,
) {
  return inTransaction(deps.db, async (tx) => {
    const request = await lockRequestForUnitHead(tx, ctx, requestId, '审批');
    if (request.requesterId === ctx.principal.id) throw forbidden('不能审批本人提交的调阅申请');
    if (request.status !== 'pending') {
      // A repeat of the same decision answers as before; a different one is a conflict.
      if (request.status === input.decision && request.decidedById === ctx.principal.id)
        return accessRequestView(request);
      throw new AppError('conflict', `该调阅申请已${statusLabel[request.status] ?? request.status}`);
    }
    const decided = await updateAccessRequest(tx, requestId, {
      status: input.decision,
      decidedById: ctx.principal.id,
      decidedByName: ctx.principal.name,
      decidedAt: new Date(),
      decisionNote: input.note ?? null,
      expiresAt: input.decision === 'approved' ? new Date(input.expiresAt) : null,
    });
    await appendAuditEvent(tx, {
      actor: actorOf(ctx),
      action: `accessRequest.${input.decision}`,
      subject: `accessRequest:${requestId}`,
      caseId: request.caseId,
      details: {
        requesterId: request.requesterId,
        expiresAt: input.decision === 'approved' ? input.expiresAt : null,
        note: input.note ?? null,
      },
      context: auditContext(ctx),
    });
    return accessRequestView(decided);
  });
}

const statusLabel: Record<string, string> = { approved: '批准', refused: '拒绝', revoked: '撤销' };

/**
 * 撤销调阅授权: a head of the case's unit ends an approved grant before it expires; reads under it
 * are refused (and audited) from that moment. Repeating the revocation answers as before.
 */
export async function revokeEvidenceAccess(
  deps: TRecordingDeps,
  ctx: TCallContext,
  requestId: string,
  input: z.infer<typeof ZRevokeAccess>,
) {
  return inTransaction(deps.db, async (tx) => {
    const request = await lockRequestForUnitHead(tx, ctx, requestId, '撤销');
    if (request.status === 'revoked') return accessRequestView(request);
    if (request.status !== 'approved')
      throw new AppError('conflict', '只能撤销已批准的调阅申请', { extra: { status: request.status } });
    const now = new Date();
    if (request.expiresAt && request.expiresAt <= now)
      throw new AppError('conflict', '该调阅授权已到期，无需撤销', {
        extra: { expiresAt: request.expiresAt.toISOString() },
      });
    const revoked = await updateAccessRequest(tx, requestId, {
      status: 'revoked',
      revokedById: ctx.principal.id,
      revokedByName: ctx.principal.name,
      revokedAt: now,
      revokeReason: input.reason,
    });
    await appendAuditEvent(tx, {
      actor: actorOf(ctx),
      action: 'accessRequest.revoked',
      subject: `accessRequest:${requestId}`,
      caseId: request.caseId,
      details: {
        requesterId: request.requesterId,
        expiresAt: request.expiresAt?.toISOString() ?? null,
        reason: input.reason,
      },
      context: auditContext(ctx),
    });
    return accessRequestView(revoked);
  });
}
