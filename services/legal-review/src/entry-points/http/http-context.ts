import type { TPrincipal } from '@sanxiang/shared';
import type { Request } from 'express';
import type { TDomainDeps } from '../../domain/deps';
import { actorFrom, assertOfficeStaff, type TActor } from '../../domain/actor';

/** What the route modules receive from the app. */
export type TRouteDeps = TDomainDeps;

/**
 * The caller as the use cases see it. A head is the office's head only when the directory puts
 * their unit (the token's `unit`) in the legal-review office; without a directory, never.
 */
export async function actorOf(
  deps: Pick<TDomainDeps, 'directory'>,
  ctx: { principal: TPrincipal; req: Request },
): Promise<TActor> {
  const { principal } = ctx;
  const officeHead =
    principal.roles.includes('head') && principal.unitId !== undefined && deps.directory !== undefined
      ? (await deps.directory.officeUnitIds()).includes(principal.unitId)
      : false;
  return actorFrom(principal, ctx.req.id === undefined ? undefined : String(ctx.req.id), officeHead);
}

/** `actorOf` for the office's own operations: 403 unless a reviewer or the office's head. */
export async function officeActorOf(
  deps: Pick<TDomainDeps, 'directory'>,
  ctx: { principal: TPrincipal; req: Request },
  what: string,
): Promise<TActor> {
  const actor = await actorOf(deps, ctx);
  assertOfficeStaff(actor, what);
  return actor;
}

/** The office's roles; a `head` must also be the office's head (`officeActorOf`). */
export const office = ['reviewer', 'head'] as const;
/** Handlers (officers) pass the role check; the use case then admits only those named on the case. */
export const officeAndHandlers = ['reviewer', 'head', 'officer'] as const;

export const problem = (description: string) => ({ description, contentType: 'application/problem+json' });
