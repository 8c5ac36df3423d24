import type { Request } from 'express';
import { readIdempotencyKey, type TPrincipal } from '@sanxiang/shared';
import type { TCallContext } from '../../domain/call-context';

/** Everything a use case needs to know about the HTTP call besides its validated input. */
export function callContextOf(req: Request, principal: TPrincipal): TCallContext {
  const key = readIdempotencyKey(req);
  return {
    principal,
    requestId: typeof req.id === 'string' ? req.id : req.id === undefined ? undefined : String(req.id),
    ip: req.ip,
    userAgent: req.get('user-agent'),
    idempotencyKey: key,
    route: `${req.method} ${req.originalUrl.split('?')[0]}`,
  };
}

/** Staff who may read a case file when the access policy allows them (see case-access.ts). */
export const staffRoles = ['officer', 'reviewer', 'head', 'discloser', 'admin'] as const;
