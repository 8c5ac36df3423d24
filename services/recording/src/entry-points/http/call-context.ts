import type { Request } from 'express';
import { AppError, type TPrincipal } from '@sanxiang/shared';
import type { TCallContext } from '../../domain/call-context';

/** Everything a use case needs to know about the HTTP call besides its validated input. */
export function callContextOf(req: Request, principal: TPrincipal): TCallContext {
  const key = req.get('idempotency-key');
  if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new AppError('validation', 'Idempotency-Key 须为 1–200 个可见 ASCII 字符', {
      fields: [{ path: 'headers.idempotency-key', message: 'must be 1-200 visible ASCII characters' }],
    });
  }
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
