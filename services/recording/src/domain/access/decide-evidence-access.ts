import { z } from 'zod';
import { AppError, forbidden } from '@sanxiang/shared';
import { ZInstant } from '@sanxiang/shared/src/contracts';
import { appendAuditEvent } from '../../data-access/audit-trail';
import { actorOf, auditContext, type TCallContext } from '../call-context';
import { accessRequestView } from '../case-file/case-file-views';
import type { TRecordingDeps } from '../recording-deps';

/** The head's decision on an access request (负责人批准): approve until an expiry, or refuse. */
export const ZApproveAccess = z.object({
  /** Access ends at this instant (at most 90 days ahead). */
  expiresAt: ZInstant.refine((v) => {
    const t = new Date(v).getTime();
    return t > Date.now() && t <= Date.now() + 90 * 86_400_000;
  }, 'must be in the future and at most 90 days ahead'),
  note: z.string().trim().max(2000).optional(),
});
export const ZRefuseAccess = z.object({ note: z.string().trim().min(1).max(2000) });

export type TAccessDecision =
  | ({ decision: 'approved' } & z.infer<typeof ZApproveAccess>)
  | ({ decision: 'refused' } & z.infer<typeof ZRefuseAccess>);

export async function decideEvidenceAccess(
  deps: TRecordingDeps,
  ctx: TCallContext,
  requestId: string,
  input: TAccessDecision,
) {
  return deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "AccessRequest" WHERE id = ${requestId}::uuid FOR UPDATE`;
    const request = await tx.accessRequest.findUnique({ where: { id: requestId } });
    if (!request) throw new AppError('notFound', '调阅申请不存在');
    if (request.requesterId === ctx.principal.id) throw forbidden('不能审批本人提交的调阅申请');
    if (request.status !== 'pending') {
      // A repeat of the same decision answers as before; a different one is a conflict.
      if (request.status === input.decision && request.decidedById === ctx.principal.id)
        return accessRequestView(request);
      throw new AppError('conflict', `该调阅申请已${request.status === 'approved' ? '批准' : '拒绝'}`);
    }
    const decided = await tx.accessRequest.update({
      where: { id: requestId },
      data: {
        status: input.decision,
        decidedById: ctx.principal.id,
        decidedByName: ctx.principal.name,
        decidedAt: new Date(),
        decisionNote: input.note ?? null,
        expiresAt: input.decision === 'approved' ? new Date(input.expiresAt) : null,
      },
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
