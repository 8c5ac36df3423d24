import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { SHADOW_PREFIX } from '../../src/adapter/shadow-database';
import { quoteIdentifier, withDatabaseName } from '../../src/database-url';

// Tests run against a real PostgreSQL. The test stack exports SANXIANG_TEST_PG_URL (a role with
// CREATEDB); each suite creates its own databases from it and drops them afterwards.
export function testServerUrl(): string {
  const url = process.env.SANXIANG_TEST_PG_URL;
  if (!url) {
    throw new Error(
      'SANXIANG_TEST_PG_URL is not set: the prisma-migrate tests need a real PostgreSQL (role with CREATEDB), ' +
        'e.g. SANXIANG_TEST_PG_URL=postgresql://postgres@127.0.0.1:54330/postgres. scripts/test.sh exports it.',
    );
  }
  return url;
}

export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<R[]>;
}

/** Databases made by this process, dropped by dropTestDatabases(). */
const created: string[] = [];

/** A unique database name; `create: false` leaves it to the code under test to create it. */
export async function testDatabase(options: { create?: boolean } = {}): Promise<TestDatabase> {
  const server = testServerUrl();
  const name = `pm_test_${randomBytes(5).toString('hex')}`;
  created.push(name);
  if (options.create ?? true)
    await withClient(server, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  const url = withDatabaseName(server, name);
  return {
    name,
    url,
    query: async <R extends pg.QueryResultRow>(sql: string, values?: unknown[]) =>
      withClient(url, async (client) => (await client.query<R>(sql, values)).rows),
  };
}

export async function dropTestDatabases(): Promise<void> {
  const server = process.env.SANXIANG_TEST_PG_URL;
  if (!server) return;
  await withClient(server, async (client) => {
    for (const name of created.splice(0)) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    }
  });
}

/** Temporary shadow databases still present for a main database (should be none after a command). */
export async function leftoverShadowDatabases(mainDatabase: string): Promise<string[]> {
  return withClient(testServerUrl(), async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [`${SHADOW_PREFIX}${mainDatabase}`],
    );
    return rows.map((row) => row.datname);
  });
}
