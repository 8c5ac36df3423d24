import { reviewSubject, writeAudit } from '../../data-access/audit-repository';
import { inTransaction, lockReview } from '../../data-access/transaction';
import type { TDomainDeps } from '../deps';
import { computeReviewDeadline, dateColumn, fromDateColumn } from '../review-deadline';
import { systemActor } from './review-guards';

/**
 * A due date counted over a year without holiday data is provisional (DOMAIN.md §5). When that
 * year's data is loaded, recompute it from the same start, as the workflow does on
 * `calendarUpdated`. Returns how many reviews changed.
 */
export async function recomputeProvisionalDeadlines(deps: TDomainDeps, batch = 500): Promise<number> {
  const calendar = await deps.calendar();
  const candidates = await deps.db.review.findMany({
    where: { dueProvisional: true, status: { in: ['pending', 'inReview'] } },
    select: { id: true },
    take: batch,
  });
  let changed = 0;
  for (const { id } of candidates) {
    const { value } = await inTransaction(deps.db, async (tx) => {
      await lockReview(tx, id);
      const review = await tx.review.findUnique({ where: { id } });
      if (!review || !review.dueProvisional || !['pending', 'inReview'].includes(review.status)) return false;
      const deadline = computeReviewDeadline(calendar, review.clockStartAt);
      const before = fromDateColumn(review.dueDate);
      if (deadline.provisional && deadline.dueDate === before) return false;
      const now = deps.now();
      await tx.review.update({
        where: { id },
        data: {
          dueDate: dateColumn(deadline.dueDate),
          dueAt: deadline.dueAt,
          remindAt: deadline.remindAt,
          dueProvisional: deadline.provisional,
          attentionAt: deadline.remindAt,
        },
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
