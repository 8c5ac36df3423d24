import type { TPrincipal } from '@sanxiang/shared';
import type { Request } from 'express';
import type { TDomainDeps } from '../../domain/deps';
import { actorFrom, type TActor } from '../../domain/actor';

/** What the route modules receive from the app. */
export type TRouteDeps = TDomainDeps;

export const actorOf = (ctx: { principal: TPrincipal; req: Request }): TActor =>
  actorFrom(ctx.principal, ctx.req.id === undefined ? undefined : String(ctx.req.id));

export const office = ['reviewer', 'head'] as const;
/** Handlers (officers) pass the role check; the use case then admits only those named on the case. */
export const officeAndHandlers = ['reviewer', 'head', 'officer'] as const;

export const problem = (description: string) => ({ description, contentType: 'application/problem+json' });
