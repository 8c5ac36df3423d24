import type { TPrincipal } from '@sanxiang/shared';
import type { Request } from 'express';
import { actorOf as actorFrom } from '../../domain/deps';

export const actorOf = (ctx: { principal: TPrincipal; req: Request }) =>
  actorFrom(ctx.principal, ctx.req.id === undefined ? undefined : String(ctx.req.id));

/** Everyone with a desk reads the list, the pool, plans and draws. */
export const staff = ['officer', 'reviewer', 'head', 'discloser', 'admin'] as const;
/** Heads organise plans and draws; admins keep the list and the pool (docs/inspection.md). */
export const organisers = ['head', 'admin'] as const;
export const keepers = ['admin'] as const;
/** Officers declare their own conflicts; heads and admins may record someone else's. */
export const declarers = ['officer', 'head', 'admin'] as const;

export const problem = (description: string) => ({ description, contentType: 'application/problem+json' });
