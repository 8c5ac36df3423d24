import { countWithCalendar } from '@sanxiang/shared/src/clocks';
import { z } from 'zod';
import { endOfDayInstant } from '@sanxiang/shared/src/calendar';
import { ZCaseNumber, ZIsoDate } from '@sanxiang/shared/src/domain';
import { listQueue } from '../../data-access/review-repository';
import type { TQueueFilter } from '../../data-access/review-queue-query';
import type { TDomainDeps } from '../deps';
import { csvOf, decodeCursor, encodeCursor, page, ZLimit, ZQueryBool } from '../pagination';
import { toQueueItem, ZReviewStatus, type TQueueItem } from './review-views';

export const ZQueueQuery = z.object({
  /** One or more statuses, comma-separated. */
  status: csvOf(ZReviewStatus).optional(),
  assigneeId: z.string().trim().min(1).max(128).optional(),
  unassigned: ZQueryBool.optional(),
  caseNumber: ZCaseNumber.optional(),
  /** Due date range (inclusive, Asia/Shanghai dates). */
  dueFrom: ZIsoDate.optional(),
  dueTo: ZIsoDate.optional(),
  /** Only reviews whose running clock is past its due instant (or, with false, the others). */
  overdue: ZQueryBool.optional(),
  limit: ZLimit,
  cursor: z.string().max(300).optional(),
});
export type TQueueQuery = z.infer<typeof ZQueueQuery>;

const ZQueueCursor = z.object({ d: z.iso.datetime(), i: z.uuid() });

/** The repository filter for a parsed query (exported so the benchmark runs the very same SQL). */
export function queueFilterFrom(query: TQueueQuery, now: Date): TQueueFilter {
  const after = decodeCursor(query.cursor, ZQueueCursor);
  return {
    statuses: query.status,
    assigneeId: query.assigneeId,
    unassigned: query.unassigned,
    caseNumber: query.caseNumber,
    dueFrom: query.dueFrom ? new Date(endOfDayInstant(query.dueFrom)) : undefined,
    dueTo: query.dueTo ? new Date(endOfDayInstant(query.dueTo)) : undefined,
    overdue: query.overdue,
    now,
    after: after ? { dueAt: new Date(after.d), id: after.i } : undefined,
    limit: query.limit,
  };
}

/**
 * 审核队列: filter by status, due date, overdue, case number and assignee; sorted by due instant
 * (then id); keyset cursor. One indexed statement per page whatever the filters, no per-row queries.
 */
export async function listReviewQueue(
  deps: Pick<TDomainDeps, 'db' | 'now' | 'calendar'>,
  query: TQueueQuery,
): Promise<{ items: TQueueItem[]; nextCursor: string | null }> {
  const now = deps.now();
  const rows = await listQueue(deps.db, queueFilterFrom(query, now));
  const count = countWithCalendar(await deps.calendar());
  return page(
    rows,
    query.limit,
    (row) => toQueueItem(row, now, count),
    (row) => encodeCursor({ d: row.dueAt.toISOString(), i: row.id }),
  );
}
