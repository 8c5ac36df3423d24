import { ZIsoDate } from '@sanxiang/shared/src/domain';
import { z } from 'zod';
import type { TDomainDeps } from '../deps';
import { toDecisionFiling, ZDecisionFiling, type TDecisionFilingView } from './file-decision';
import { decodeCursor, encodeCursor, page, ZLimit } from '../pagination';
import { dateColumn, fromDateColumn } from '../review-deadline';

export const ZFilingsQuery = z.object({
  decidedFrom: ZIsoDate.optional(),
  decidedTo: ZIsoDate.optional(),
  handlingUnit: z.string().trim().min(1).max(100).optional(),
  limit: ZLimit,
  cursor: z.string().max(300).optional(),
});
export type TFilingsQuery = z.infer<typeof ZFilingsQuery>;
export { ZDecisionFiling };

const ZFilingCursor = z.object({ d: z.iso.date(), i: z.uuid() });

/** 备案决定清单: newest decision first, keyset-paginated on (decisionDate, id). */
export async function listDecisionFilings(
  deps: Pick<TDomainDeps, 'db'>,
  query: TFilingsQuery,
): Promise<{ items: TDecisionFilingView[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, ZFilingCursor);
  const rows = await deps.db.decisionFiling.findMany({
    where: {
      ...(query.handlingUnit ? { handlingUnit: query.handlingUnit } : {}),
      decisionDate: {
        ...(query.decidedFrom ? { gte: dateColumn(query.decidedFrom) } : {}),
        ...(query.decidedTo ? { lte: dateColumn(query.decidedTo) } : {}),
      },
      ...(after
        ? {
            OR: [
              { decisionDate: { lt: dateColumn(after.d) } },
              { decisionDate: dateColumn(after.d), id: { lt: after.i } },
            ],
          }
        : {}),
    },
    orderBy: [{ decisionDate: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  return page(rows, query.limit, toDecisionFiling, (f) =>
    encodeCursor({ d: fromDateColumn(f.decisionDate), i: f.id }),
  );
}
