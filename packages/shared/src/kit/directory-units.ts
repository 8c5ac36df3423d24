import { z } from 'zod';
import { directoryPaths, ZDirectoryUnit, type TUnitKind } from '../contracts/directory';
import { AppError } from '../errors';
import {
  createServiceClient,
  ServiceCallError,
  type TServiceClient,
  type TServiceClientOptions,
} from '../http/service-client';

const ZUnits = z.array(ZDirectoryUnit);

/** How long the unit ids of a kind are kept before the directory is asked again. */
export const DIRECTORY_UNITS_CACHE_MS = 60_000;

/**
 * The staff directory's units of a kind (docs/directory.md, `GET /internal/units?kind=`), as the
 * services decide who stands for an office: the 公示 office (`disclosure`), the legal-review office
 * (`legalReview`), the agency's leadership (`leadership`, whose heads see every unit). The one copy
 * of "unit ids of a kind, kept a minute" (issue #9); disclosure, legal-review, recording and
 * notifications use it.
 */
export interface TDirectoryUnits {
  /**
   * The ids of the units of `kind`; kept a minute per kind. Fails closed: 503 (AppError
   * `unavailable`, with the caller's message) when the directory cannot be asked.
   */
  unitIdsOfKind(kind: TUnitKind): Promise<readonly string[]>;
}

export type TDirectoryUnitsOptions = (
  | { /** A client of the directory the caller already holds. */ client: TServiceClient }
  | TServiceClientOptions
) & {
  /** The 503 message: which decision cannot be made without the directory (Chinese, for the caller). */
  unavailable: string;
  /** Milliseconds since the epoch; injected for tests. */
  now?: () => number;
};

export function createDirectoryUnits(options: TDirectoryUnitsOptions): TDirectoryUnits {
  const client = 'client' in options ? options.client : createServiceClient(options);
  const now = options.now ?? Date.now;
  const cache = new Map<TUnitKind, { ids: readonly string[]; at: number }>();
  return {
    async unitIdsOfKind(kind) {
      const hit = cache.get(kind);
      if (hit && now() - hit.at < DIRECTORY_UNITS_CACHE_MS) return hit.ids;
      try {
        const units = await client.get(directoryPaths.unitsOfKind(kind), { response: ZUnits });
        const ids = units.map((u) => u.id);
        cache.set(kind, { ids, at: now() });
        return ids;
      } catch (err) {
        if (err instanceof ServiceCallError)
          throw new AppError('unavailable', options.unavailable, { cause: err });
        throw err;
      }
    },
  };
}
