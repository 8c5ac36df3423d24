import { z } from 'zod';
import type { TReader } from '@sanxiang/shared';
import { listDisclosurePage, type TDisclosureScope } from '../../data-access/disclosure-repository';
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
  db: TReader,
  q: TListDisclosuresQuery,
  scope: TDisclosureScope = { all: true },
) {
  const [rows, total] = await listDisclosurePage(
    db,
    {
      kind: q.kind,
      status: q.status,
      reviewStage: q.reviewStage,
      caseNumber: q.caseNumber,
      outcomeStage: q.outcomeStage,
    },
    scope,
    { skip: (q.page - 1) * q.pageSize, take: q.pageSize },
  );
  return { items: rows.map(toDisclosureView), total, page: q.page, pageSize: q.pageSize };
}
