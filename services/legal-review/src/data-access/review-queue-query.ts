import type { TQueueRow, TReviewStatus } from '../domain/review/review-views';

/** Filters of the review queue (审核队列). All optional; combined with AND. */
export interface TQueueFilter {
  statuses?: readonly TReviewStatus[] | undefined;
  assigneeId?: string | undefined;
  /** Only reviews nobody is assigned to. */
  unassigned?: boolean | undefined;
  caseNumber?: string | undefined;
  /** Due instant bounds (inclusive). */
  dueFrom?: Date | undefined;
  dueTo?: Date | undefined;
  /** true: the clock runs and dueAt has passed; false: the opposite. */
  overdue?: boolean | undefined;
  now: Date;
  /** Keyset cursor: the last row of the previous page. */
  after?: { dueAt: Date; id: string } | undefined;
  limit: number;
}

export interface TSqlQuery {
  text: string;
  values: unknown[];
}

const columns = `r."id", r."caseNumber", r."round", r."cycle", r."status"::text AS "status",
  r."assigneeId", r."assigneeName", r."receivedAt", r."clockStartAt", r."dueDate"::text AS "dueDate",
  r."dueAt", r."remindAt", r."dueProvisional", r."materialsDueAt", r."decisionKind", r."majorCriteria",
  left(r."summary", 200) AS "summary", r."outcome"::text AS "outcome", r."issuedAt"`;

/**
 * The queue listing as one parameterised statement, sorted by due instant then id, keyset-paginated
 * (`(dueAt, id) > cursor`) so page N costs the same as page 1. Exported so the benchmark runs the
 * very same SQL directly. Fetches `limit + 1` rows to know whether there is a next page.
 *
 * Index use: `status <> 'issued'` is added whenever the filter only admits open reviews, so the
 * partial indexes of open reviews, (dueAt, id) and (assigneeId, dueAt, id), serve the usual queue
 * views in order, without a sort.
 */
export function buildQueueQuery(filter: TQueueFilter): TSqlQuery {
  const values: unknown[] = [];
  const param = (value: unknown, cast = '') => {
    values.push(value);
    return `$${values.length}${cast}`;
  };
  const where: string[] = [];
  let openOnly = false;
  if (filter.statuses && filter.statuses.length > 0) {
    where.push(`r."status" = ANY(${param([...new Set(filter.statuses)], '::"ReviewStatus"[]')})`);
    openOnly = !filter.statuses.includes('issued');
  }
  if (filter.overdue === true) {
    where.push(`r."status" IN ('pending', 'inReview') AND r."dueAt" < ${param(filter.now)}`);
    openOnly = true;
  } else if (filter.overdue === false) {
    where.push(`NOT (r."status" IN ('pending', 'inReview') AND r."dueAt" < ${param(filter.now)})`);
  }
  if (filter.assigneeId !== undefined) where.push(`r."assigneeId" = ${param(filter.assigneeId)}`);
  if (filter.unassigned) {
    where.push(`r."assigneeId" IS NULL`);
    // An issued review always has its reviewer (the opinion is written by the assignee).
    openOnly = true;
  }
  if (openOnly) where.push(`r."status" <> 'issued'::"ReviewStatus"`);
  if (filter.caseNumber !== undefined) where.push(`r."caseNumber" = ${param(filter.caseNumber)}`);
  if (filter.dueFrom) where.push(`r."dueAt" >= ${param(filter.dueFrom)}`);
  if (filter.dueTo) where.push(`r."dueAt" <= ${param(filter.dueTo)}`);
  if (filter.after) {
    // The plain range on dueAt is implied by the row comparison; it is there for the planner, which
    // estimates a row comparison poorly and would otherwise sort instead of walking the index.
    const dueAt = param(filter.after.dueAt);
    where.push(
      `r."dueAt" >= ${dueAt} AND (r."dueAt", r."id") > (${dueAt}, ${param(filter.after.id, '::uuid')})`,
    );
  }
  const text = `SELECT ${columns} FROM "Review" r
${where.length > 0 ? `WHERE ${where.join('\n  AND ')}` : ''}
ORDER BY r."dueAt", r."id"
LIMIT ${param(filter.limit + 1)}`;
  return { text, values };
}

/**
 * The overdue list (逾期/临期): reviews whose attention instant has come — the workflow's reminder
 * instant while the clock runs, the materials date while materials are awaited. One range scan on
 * (attentionAt, id).
 */
export function buildAttentionQuery(filter: {
  now: Date;
  after?: { attentionAt: Date; id: string } | undefined;
  limit: number;
}): TSqlQuery {
  const values: unknown[] = [filter.now];
  const where = [`r."attentionAt" <= $1`];
  if (filter.after) {
    values.push(filter.after.attentionAt, filter.after.id);
    where.push(`(r."attentionAt", r."id") > ($2, $3::uuid)`);
  }
  values.push(filter.limit + 1);
  const text = `SELECT ${columns}, r."attentionAt" FROM "Review" r
WHERE ${where.join(' AND ')}
ORDER BY r."attentionAt", r."id"
LIMIT $${values.length}`;
  return { text, values };
}

export type TQueueRowRaw = TQueueRow;
export type TAttentionRowRaw = TQueueRow & { attentionAt: Date };
