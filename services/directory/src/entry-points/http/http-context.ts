import type { TPrincipal } from '@sanxiang/shared';
import type { Request } from 'express';
import { actorFrom, type TActor } from '../../domain/deps';

export const actorOf = (ctx: { principal: TPrincipal; req: Request }): TActor =>
  actorFrom(ctx.principal, ctx.req.id === undefined ? undefined : String(ctx.req.id));

/** Who changes the directory, and who may read it (docs/authorization.md). */
export const admins = ['admin'] as const;
export const readers = ['admin', 'head'] as const;
/** Staff who pick colleagues (officers opening a case): names and certificates only. */
export const colleagues = ['officer', 'head', 'reviewer', 'admin'] as const;

export const problem = (description: string) => ({ description, contentType: 'application/problem+json' });
