import { randomBytes } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import type { TSqlClient, TSqlDb } from '@sanxiang/shared';
import { testStack } from './test-stack';

/**
 * An empty database on the test stack's PostgreSQL with the given tables, and a kit client over
 * node-postgres (the shape every service's Prisma client has), for the service kit's own tests.
 */
export interface TScratchDatabase {
  db: TSqlDb & { end(): Promise<void> };
  /** A second, independent pool on the same database (a second process, as far as locks go). */
  connect(): TSqlDb & { end(): Promise<void> };
  drop(): Promise<void>;
}

const clientOf = (c: Pool | PoolClient): TSqlClient => ({
  $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) => (await c.query(query, values)).rows as T,
  $executeRawUnsafe: async (query: string, ...values: unknown[]) =>
    (await c.query(query, values)).rowCount ?? 0,
});

function sqlDb(url: string): TSqlDb & { end(): Promise<void> } {
  const pool = new Pool({ connectionString: url, max: 4 });
  // Idle connections the server closes (the database dropped at the end) are no test failure.
  pool.on('error', () => undefined);
  return {
    ...clientOf(pool),
    async $transaction<R>(fn: (tx: TSqlClient) => Promise<R>): Promise<R> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(clientOf(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    end: () => pool.end(),
  };
}

export async function createScratchDatabase(ddl: string): Promise<TScratchDatabase> {
  const admin = new URL(testStack().pgAdminUrl);
  const name = `test_kit_${process.pid}_${randomBytes(4).toString('hex')}`;
  const adminPool = new Pool({ connectionString: admin.toString(), max: 1 });
  await adminPool.query(`CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const pools: { end(): Promise<void> }[] = [];
  const connect = () => {
    const db = sqlDb(url.toString());
    pools.push(db);
    return db;
  };
  const db = connect();
  await db.$executeRawUnsafe(ddl);
  return {
    db,
    connect,
    async drop() {
      await Promise.all(pools.map((p) => p.end()));
      await adminPool.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await adminPool.end();
    },
  };
}
