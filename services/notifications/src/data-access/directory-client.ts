import { AppError, createServiceClient, ServiceCallError, type TTokenSource } from '@sanxiang/shared';
import { directoryPaths, ZDirectoryUnit } from '@sanxiang/shared/src/contracts';
import { z } from 'zod';

const ZUnits = z.array(ZDirectoryUnit);

/** How long the leadership units are kept before the directory is asked again. */
const CACHE_MS = 60_000;

/**
 * The staff directory (docs/directory.md), as the board asks it: which units are the agency's
 * leadership (局领导), whose heads see every unit's clocks. Kept for a minute; fails closed (503)
 * when the directory cannot be reached and nothing is cached.
 */
export function createLeadershipUnits(options: {
  baseUrl: string;
  token: TTokenSource;
  now?: () => number;
}): () => Promise<readonly string[]> {
  const client = createServiceClient(options);
  const now = options.now ?? Date.now;
  let cached: { ids: readonly string[]; at: number } | undefined;
  return async () => {
    if (cached && now() - cached.at < CACHE_MS) return cached.ids;
    try {
      const units = await client.get(directoryPaths.unitsOfKind('leadership'), { response: ZUnits });
      cached = { ids: units.map((u) => u.id), at: now() };
      return cached.ids;
    } catch (err) {
      if (err instanceof ServiceCallError)
        throw new AppError('unavailable', '人员目录暂不可用，无法确定督办看板的查看范围，请稍后重试', {
          cause: err,
        });
      throw err;
    }
  };
}
