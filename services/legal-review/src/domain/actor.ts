import { AppError, type TPrincipal, type TRole } from '@sanxiang/shared';

/** The caller of a use case: who acts (for the audit trail) and with which roles. */
export interface TActor {
  id: string;
  name: string;
  roles: readonly TRole[];
  requestId?: string | undefined;
}

export const actorFrom = (principal: TPrincipal, requestId?: string): TActor => ({
  id: principal.id,
  name: principal.name,
  roles: principal.roles,
  requestId,
});

/** Staff of the legal-review office (法制审核机构): reviewers and the office head. */
export const isOfficeStaff = (actor: TActor): boolean =>
  actor.roles.includes('reviewer') || actor.roles.includes('head');

export const isHead = (actor: TActor): boolean => actor.roles.includes('head');

/**
 * Office staff see every review; a handler (执法人员 on the case, or its submitter) sees only the
 * rounds that name them. Anyone else learns nothing, not even that the review exists.
 */
export function assertCanRead(actor: TActor, review: { handlerIds: string[] }): 'office' | 'handler' {
  if (isOfficeStaff(actor)) return 'office';
  if (actor.roles.includes('officer') && review.handlerIds.includes(actor.id)) return 'handler';
  throw new AppError('notFound', '审核事项不存在');
}
