import { listPublicAuthorities } from '../../data-access/public-decision-repository';
import type { TPublicReadPool } from '../../data-access/public-read-pool';

/** The authorities of the search form, re-read at most once a minute (they change rarely). */
export function createAuthorityList(pool: TPublicReadPool, ttlMs = 60_000) {
  let cached: { at: number; value: Promise<string[]> } | undefined;
  return (): Promise<string[]> => {
    if (!cached || Date.now() - cached.at > ttlMs) {
      const value = listPublicAuthorities(pool).catch((err: unknown) => {
        cached = undefined;
        throw err;
      });
      cached = { at: Date.now(), value };
    }
    return cached.value;
  };
}
