import { AppError, type TPrincipal, type TRole } from '@sanxiang/shared';

/** The caller of a use case: who acts (for the audit trail) and with which roles. */
export interface TActor {
  id: string;
  name: string;
  roles: readonly TRole[];
  requestId?: string | undefined;
  /**
   * A head (负责人) of the legal-review office itself (their unit is of kind `legalReview` in the
   * directory): only such a head acts as the office's head. A handling unit's head does not.
   */
  officeHead?: boolean;
}

export const actorFrom = (principal: TPrincipal, requestId?: string, officeHead = false): TActor => ({
  id: principal.id,
  name: principal.name,
  roles: principal.roles,
  requestId,
  officeHead,
});

/** The office's head: role `head` in a unit of the legal-review office. */
export const isHead = (actor: TActor): boolean => actor.roles.includes('head') && actor.officeHead === true;

/** Staff of the legal-review office (法制审核机构): reviewers and the office's head. */
export const isOfficeStaff = (actor: TActor): boolean => actor.roles.includes('reviewer') || isHead(actor);

/** For the office's own lists and work (queue, filings, spot checks…): 403 for anyone else. */
export function assertOfficeStaff(actor: TActor, what: string): void {
  if (!isOfficeStaff(actor)) throw new AppError('forbidden', `仅法制审核机构的审核人员或负责人可以${what}`);
}

/**
 * Office staff see every review; a handler (执法人员 on the case, or its submitter) sees only the
 * rounds that name them. Anyone else learns nothing, not even that the review exists.
 */
export function assertCanRead(actor: TActor, review: { handlerIds: string[] }): 'office' | 'handler' {
  if (isOfficeStaff(actor)) return 'office';
  if (actor.roles.includes('officer') && review.handlerIds.includes(actor.id)) return 'handler';
  throw new AppError('notFound', '审核事项不存在');
}
