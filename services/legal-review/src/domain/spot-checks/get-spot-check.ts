import { AppError } from '@sanxiang/shared';
import { z } from 'zod';
import { findSpotCheck, listSpotCheckPage } from '../../data-access/spot-check-repository';
import type { TDomainDeps } from '../deps';
import { decodeCursor, encodeCursor, page, ZLimit } from '../pagination';
import { toSpotCheck, ZSpotCheck, type TSpotCheckView } from './spot-check-views';

export const ZSpotCheckParams = z.object({ spotCheckId: z.uuid() });
export const ZSpotChecksQuery = z.object({ limit: ZLimit, cursor: z.string().max(300).optional() });
export { ZSpotCheck };

export async function getSpotCheck(
  deps: Pick<TDomainDeps, 'db'>,
  spotCheckId: string,
): Promise<TSpotCheckView> {
  const check = await findSpotCheck(deps.db, spotCheckId);
  if (!check) throw new AppError('notFound', '抽查记录不存在');
  return toSpotCheck(check);
}

const ZSpotCheckCursor = z.object({ d: z.iso.datetime(), i: z.uuid() });

/** Spot checks, newest first, each with its sample (items and filings loaded in two queries). */
export async function listSpotChecks(
  deps: Pick<TDomainDeps, 'db'>,
  query: z.infer<typeof ZSpotChecksQuery>,
): Promise<{ items: TSpotCheckView[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, ZSpotCheckCursor);
  const rows = await listSpotCheckPage(deps.db, {
    after: after ? { drawnAt: new Date(after.d), id: after.i } : undefined,
    take: query.limit + 1,
  });
  return page(rows, query.limit, toSpotCheck, (c) => encodeCursor({ d: c.drawnAt.toISOString(), i: c.id }));
}
