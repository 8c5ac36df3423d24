import { countWithCalendar } from '@sanxiang/shared/src/clocks';
import { AppError } from '@sanxiang/shared';
import { findCaseRounds, findReviewWithRelations } from '../../data-access/review-repository';
import { assertCanRead, isOfficeStaff, type TActor } from '../actor';
import type { TDomainDeps } from '../deps';
import { toReviewDetails } from './review-detail';
import type { TReviewDetail } from './review-views';

/** One review round, as the caller may see it. */
export async function getReview(
  deps: Pick<TDomainDeps, 'db' | 'now' | 'calendar'>,
  actor: TActor,
  reviewId: string,
): Promise<TReviewDetail> {
  const review = await findReviewWithRelations(deps.db, reviewId);
  if (!review) throw new AppError('notFound', '审核事项不存在');
  const view = assertCanRead(actor, review);
  const [detail] = await toReviewDetails(
    deps.db,
    [review],
    view,
    deps.now(),
    countWithCalendar(await deps.calendar()),
  );
  return detail!;
}

/**
 * 审核轮次历史: every round of the case, oldest first, each linked to the one before
 * (`previousReviewId`). A handler named on any round of the case may read them all.
 */
export async function listCaseRounds(
  deps: Pick<TDomainDeps, 'db' | 'now' | 'calendar'>,
  actor: TActor,
  caseNumber: string,
): Promise<{ caseNumber: string; rounds: TReviewDetail[] }> {
  const rounds = await findCaseRounds(deps.db, caseNumber);
  const isHandler = rounds.some((r) => r.handlerIds.includes(actor.id)) && actor.roles.includes('officer');
  if (rounds.length === 0 || (!isOfficeStaff(actor) && !isHandler)) {
    throw new AppError('notFound', '该案件没有法制审核记录');
  }
  const view = isOfficeStaff(actor) ? 'office' : 'handler';
  return {
    caseNumber,
    rounds: await toReviewDetails(
      deps.db,
      rounds,
      view,
      deps.now(),
      countWithCalendar(await deps.calendar()),
    ),
  };
}
