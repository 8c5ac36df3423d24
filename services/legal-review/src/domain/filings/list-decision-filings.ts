import { ZIsoDate } from '@sanxiang/shared/src/domain';
import { z } from 'zod';
import { listFilings } from '../../data-access/spot-check-repository';
import type { TDomainDeps } from '../deps';
import { toDecisionFiling, ZDecisionFiling, type TDecisionFilingView } from './file-decision';
import { decodeCursor, encodeCursor, page, ZLimit } from '../pagination';
import { fromDateColumn, toDateColumn } from '@sanxiang/shared/src/calendar';

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
  const rows = await listFilings(deps.db, {
    handlingUnit: query.handlingUnit,
    decidedFrom: query.decidedFrom ? toDateColumn(query.decidedFrom) : undefined,
    decidedTo: query.decidedTo ? toDateColumn(query.decidedTo) : undefined,
    after: after ? { decisionDate: toDateColumn(after.d), id: after.i } : undefined,
    take: query.limit + 1,
  });
  return page(rows, query.limit, toDecisionFiling, (f) =>
    encodeCursor({ d: fromDateColumn(f.decisionDate), i: f.id }),
  );
}
