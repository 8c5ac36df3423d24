import { reviewSubject, writeAudit } from '../../data-access/audit-repository';
import { findReview, listProvisionalReviewIds, updateReview } from '../../data-access/review-repository';
import { inTransaction, lockReview } from '../../data-access/transaction';
import type { TDomainDeps } from '../deps';
import { computeReviewDeadline } from '../review-deadline';
import { fromDateColumn, toDateColumn } from '@sanxiang/shared/src/calendar';
import { systemActor } from './review-guards';

/**
 * A due date counted over a year without holiday data is provisional (DOMAIN.md §5). When that
 * year's data is loaded, recompute it from the same start, as the workflow does on
 * `calendarUpdated`. Returns how many reviews changed.
 */
export async function recomputeProvisionalDeadlines(deps: TDomainDeps, batch = 500): Promise<number> {
  const calendar = await deps.calendar();
  const candidates = await listProvisionalReviewIds(deps.db, batch);
  let changed = 0;
  for (const { id } of candidates) {
    const { value } = await inTransaction(deps.db, async (tx) => {
      await lockReview(tx, id);
      const review = await findReview(tx, id);
      if (!review || !review.dueProvisional || !['pending', 'inReview'].includes(review.status)) return false;
      const deadline = computeReviewDeadline(calendar, review.clockStartAt);
      const before = fromDateColumn(review.dueDate);
      if (deadline.provisional && deadline.dueDate === before) return false;
      const now = deps.now();
      await updateReview(tx, id, {
        dueDate: toDateColumn(deadline.dueDate),
        dueAt: deadline.dueAt,
        remindAt: deadline.remindAt,
        dueProvisional: deadline.provisional,
        attentionAt: deadline.remindAt,
      });
      await writeAudit(
        tx,
        systemActor,
        'review.deadlineRecomputed',
        reviewSubject(id),
        { from: before, to: deadline.dueDate, provisional: deadline.provisional },
        now,
      );
      return true;
    });
    if (value) changed += 1;
  }
  return changed;
}
