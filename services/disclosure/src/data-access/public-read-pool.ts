import { Pool, types } from 'pg';
import type { Prisma } from '../generated/prisma/client';

/**
 * The public platform's own connection pool (node-postgres, the driver under Prisma's adapter).
 * - It reads only the public projections (PublicDecision, PublicItem): in production it can connect
 *   as a role with SELECT on those two tables and nothing else.
 * - The search is the hot path: Prisma's raw-query result mapping cost about 4 ms per 21-row page
 *   here (measured against node-postgres on the same statement), more than the query itself.
 */
export type TPublicReadPool = Pool;

const DATE_OID = 1082;
// `date` stays a 'YYYY-MM-DD' string (node-postgres would build a Date at local midnight).
const publicTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID
      ? (value: string) => value
      : types.getTypeParser(oid, format as 'text')) as typeof types.getTypeParser,
};

export function createPublicReadPool(
  databaseUrl: string,
  options: { max?: number; onIdleClientError?: (error: Error) => void } = {},
): TPublicReadPool {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    types: publicTypes,
    // A public query never needs long: a runaway one is cut off rather than piling up.
    statement_timeout: 5000,
    // work_mem: the token index's bitmap of a common character pair (加班 in a tenth of a million
    // decisions) outgrows the default 4 MB and turns lossy, and every row on a lossy page is then
    // re-cut into tokens by disclosure_search_tokens() to recheck it: 4.1 s instead of 0.5 s for
    // one bounded count (docs/benchmarks.md). No parallel workers: on two cores shared by every
    // request they only add start-up cost to a query that is already short.
    options: '-c work_mem=32MB -c max_parallel_workers_per_gather=0',
    application_name: 'disclosure-public',
  });
  // An idle connection that the server ends (restart, failover, an administrator) makes the pool
  // emit 'error'; without a listener that would end the process. The pool drops that client and
  // opens a new one on the next query, so it is reported, not fatal.
  pool.on('error', options.onIdleClientError ?? (() => {}));
  return pool;
}

/** Runs a statement built with Prisma.sql (text with $n placeholders and its values). */
export const runOn =
  (pool: TPublicReadPool) =>
  async <R>(sql: Prisma.Sql): Promise<R[]> =>
    (await pool.query(sql.text, sql.values)).rows as R[];
