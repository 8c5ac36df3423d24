import type { Request } from 'express';
import type { TIdempotentRequest, TPrincipal } from '@sanxiang/shared';
import type { TCallContext } from '../../domain/call-context';

/**
 * Everything a use case needs to know about the HTTP call besides its validated input. The
 * Idempotency-Key comes from the route (`idempotent: true` in `Api.route`), already bound to the
 * caller, the path and the body.
 */
export function callContextOf(
  req: Request,
  principal: TPrincipal,
  idempotency?: TIdempotentRequest,
): TCallContext {
  return {
    principal,
    requestId: typeof req.id === 'string' ? req.id : req.id === undefined ? undefined : String(req.id),
    ip: req.ip,
    userAgent: req.get('user-agent'),
    idempotency,
  };
}

/** Staff who may read a case file when the access policy allows them (see case-access.ts). */
export const staffRoles = ['officer', 'reviewer', 'head', 'discloser', 'admin'] as const;
