import { AppError, type TPrincipal } from '@sanxiang/shared';
import { idempotencyKeyHeader } from '@sanxiang/shared/src/contracts';
import type { Request } from 'express';
import type { TDomainDeps } from '../../domain/deps';
import { actorFrom, type TActor } from '../../domain/actor';

/** What the route modules receive from the app. */
export type TRouteDeps = TDomainDeps;

export const actorOf = (ctx: { principal: TPrincipal; req: Request }): TActor =>
  actorFrom(ctx.principal, ctx.req.id === undefined ? undefined : String(ctx.req.id));

/** The optional `Idempotency-Key` header: printable ASCII, at most 255 characters. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const raw = req.get(idempotencyKeyHeader);
  if (raw === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/u.test(raw)) {
    throw new AppError('validation', '以下字段不合法: headers.idempotency-key', {
      fields: [{ path: 'headers.idempotency-key', message: '1–255 printable ASCII characters' }],
    });
  }
  return raw;
}

export const office = ['reviewer', 'head'] as const;
/** Handlers (officers) pass the role check; the use case then admits only those named on the case. */
export const officeAndHandlers = ['reviewer', 'head', 'officer'] as const;

export const problem = (description: string) => ({ description, contentType: 'application/problem+json' });
