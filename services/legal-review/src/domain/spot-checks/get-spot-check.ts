import { AppError } from '@sanxiang/shared';
import { z } from 'zod';
import type { TDomainDeps } from '../deps';
import { decodeCursor, encodeCursor, page, ZLimit } from '../pagination';
import { spotCheckInclude, toSpotCheck, ZSpotCheck, type TSpotCheckView } from './spot-check-views';

export const ZSpotCheckParams = z.object({ spotCheckId: z.uuid() });
export const ZSpotChecksQuery = z.object({ limit: ZLimit, cursor: z.string().max(300).optional() });
export { ZSpotCheck };

export async function getSpotCheck(
  deps: Pick<TDomainDeps, 'db'>,
  spotCheckId: string,
): Promise<TSpotCheckView> {
  const check = await deps.db.spotCheck.findUnique({ where: { id: spotCheckId }, include: spotCheckInclude });
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
  const rows = await deps.db.spotCheck.findMany({
    where: after
      ? {
          OR: [{ drawnAt: { lt: new Date(after.d) } }, { drawnAt: new Date(after.d), id: { lt: after.i } }],
        }
      : {},
    orderBy: [{ drawnAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    include: spotCheckInclude,
  });
  return page(rows, query.limit, toSpotCheck, (c) => encodeCursor({ d: c.drawnAt.toISOString(), i: c.id }));
}
