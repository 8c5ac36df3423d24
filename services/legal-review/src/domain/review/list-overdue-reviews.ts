import { countWithCalendar } from '@sanxiang/shared/src/clocks';
import { z } from 'zod';
import { listAttention } from '../../data-access/review-repository';
import type { TDomainDeps } from '../deps';
import { decodeCursor, encodeCursor, page, ZLimit } from '../pagination';
import { toQueueItem, ZQueueItem } from './review-views';

export const ZOverdueQuery = z.object({ limit: ZLimit, cursor: z.string().max(300).optional() });
export type TOverdueQuery = z.infer<typeof ZOverdueQuery>;

/**
 * dueSoon: the workflow's reminder instant has come (2 working days before the due date, 09:00);
 * overdue: the due instant has passed (the workflow escalates at that instant);
 * materialsLate: requested materials did not arrive by the date set (escalated by the materials
 * clock to the case officers and their head, kept in the case file: materials/materials-clock.ts).
 */
export const ZAttention = z.enum(['dueSoon', 'overdue', 'materialsLate']);
export const ZOverdueItem = ZQueueItem.extend({ attention: ZAttention, attentionAt: z.string() });
export type TOverdueItem = z.infer<typeof ZOverdueItem>;

const ZAttentionCursor = z.object({ a: z.iso.datetime(), i: z.uuid() });

/** 逾期与临期清单, ordered by the instant each review needed attention. */
export async function listOverdueReviews(
  deps: Pick<TDomainDeps, 'db' | 'now' | 'calendar'>,
  query: TOverdueQuery,
): Promise<{ items: TOverdueItem[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, ZAttentionCursor);
  const now = deps.now();
  const count = countWithCalendar(await deps.calendar());
  const rows = await listAttention(deps.db, {
    now,
    after: after ? { attentionAt: new Date(after.a), id: after.i } : undefined,
    limit: query.limit,
  });
  return page(
    rows,
    query.limit,
    (row) => {
      const item = toQueueItem(row, now, count);
      const attention =
        row.status === 'awaitingMaterials' ? 'materialsLate' : item.overdue ? 'overdue' : 'dueSoon';
      return { ...item, attention, attentionAt: row.attentionAt.toISOString() };
    },
    (row) => encodeCursor({ a: row.attentionAt.toISOString(), i: row.id }),
  );
}
