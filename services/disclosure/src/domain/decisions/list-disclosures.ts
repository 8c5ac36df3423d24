import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client';
import type { TDb } from '../../data-access/prisma-client';
import { toDisclosureView } from './disclosure-view';

export const ZListDisclosuresQuery = z.strictObject({
  kind: z
    .enum(['decision', 'catalogueEntry', 'randomInspectionResults', 'creditBlacklist', 'annualStatistics'])
    .optional(),
  status: z.enum(['draft', 'approved', 'published', 'withdrawn', 'expired', 'exempt']).optional(),
  reviewStage: z.enum(['editing', 'awaitingCheck', 'awaitingApproval']).optional(),
  caseNumber: z.string().trim().min(1).max(64).optional(),
  /** Records with an open withdrawal or non-publication request at this step (#13 items 9, 2). */
  outcomeStage: z.enum(['awaitingCheck', 'awaitingApproval']).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TListDisclosuresQuery = z.infer<typeof ZListDisclosuresQuery>;

/**
 * Staff work lists: e.g. everything awaiting the head's approval, oldest deadline first. `scope`
 * narrows them to the records the caller reaches (disclosure by unit, disclosure-access.ts).
 */
export async function listDisclosures(
  db: TDb,
  q: TListDisclosuresQuery,
  scope: Prisma.DisclosureWhereInput = {},
) {
  const where: Prisma.DisclosureWhereInput = {
    ...scope,
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.reviewStage ? { reviewStage: q.reviewStage } : {}),
    ...(q.caseNumber ? { caseNumber: q.caseNumber } : {}),
    ...(q.outcomeStage ? { outcomeRequests: { some: { stage: q.outcomeStage } } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.disclosure.findMany({
      where,
      orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'desc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.disclosure.count({ where }),
  ]);
  return { items: rows.map(toDisclosureView), total, page: q.page, pageSize: q.pageSize };
}
