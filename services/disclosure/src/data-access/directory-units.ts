import { AppError, createServiceClient, ServiceCallError, type TTokenSource } from '@sanxiang/shared';
import { directoryPaths, ZDirectoryUnit } from '@sanxiang/shared/src/contracts';
import { z } from 'zod';

const ZUnits = z.array(ZDirectoryUnit);
/** How long the unit ids of a kind are kept before the directory is asked again. */
const UNITS_CACHE_MS = 60_000;

/**
 * The directory's units as disclosure needs them (docs/authorization.md, disclosure by unit): which
 * units are the 公示 office (kind `disclosure`) and the agency's leadership (kind `leadership`).
 */
export interface TDirectoryUnits {
  /** Unit ids of the kind; kept a minute; 503 (AppError `unavailable`) while the directory is unreachable. */
  unitIdsOfKind(kind: 'disclosure' | 'leadership'): Promise<readonly string[]>;
}

export function createDirectoryUnits(options: { baseUrl: string; token: TTokenSource }): TDirectoryUnits {
  const client = createServiceClient({ baseUrl: options.baseUrl, token: options.token, timeoutMs: 5_000 });
  const cache = new Map<string, { ids: readonly string[]; at: number }>();
  return {
    async unitIdsOfKind(kind) {
      const hit = cache.get(kind);
      if (hit && Date.now() - hit.at < UNITS_CACHE_MS) return hit.ids;
      try {
        const units = await client.get(directoryPaths.unitsOfKind(kind), { response: ZUnits });
        const ids = units.map((u) => u.id);
        cache.set(kind, { ids, at: Date.now() });
        return ids;
      } catch (err) {
        // Fail closed: without the directory nobody outside the case's unit is let in.
        if (err instanceof ServiceCallError)
          throw new AppError('unavailable', '人员目录暂不可用，无法确定所在机构，请稍后重试', { cause: err });
        throw err;
      }
    },
  };
}
