import type { TIdempotentRequest, TPrincipal } from '@sanxiang/shared';
import type { TAuditContext } from '../data-access/audit-trail';

/** Who is calling and from where: for authorisation, the audit trail and idempotency. */
export interface TCallContext {
  principal: TPrincipal;
  requestId?: string | undefined;
  ip?: string | undefined;
  userAgent?: string | undefined;
  /** The request's Idempotency-Key on `idempotent: true` routes (for `inIdempotentTransaction` in data-access). */
  idempotency?: TIdempotentRequest | undefined;
}

export const auditContext = (ctx: TCallContext): TAuditContext => ({ requestId: ctx.requestId, ip: ctx.ip });
export const actorOf = (ctx: TCallContext) => ({ id: ctx.principal.id, name: ctx.principal.name });

/** A read the caller attempts, for the read check and the audit of refusals (access/case-access.ts). */
export const readAttemptOf = (ctx: TCallContext, what: string, evidenceId?: string) => ({
  principal: ctx.principal,
  what,
  ...(evidenceId ? { evidenceId } : {}),
  actor: actorOf(ctx),
  context: auditContext(ctx),
  userAgent: ctx.userAgent,
});
