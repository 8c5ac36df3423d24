import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { deployMigrations } from '@sanxiang/prisma-migrate';
import { Client } from 'pg';
import { testStack } from './test-stack';

export type TServiceName =
  'disclosure' | 'recording' | 'legal-review' | 'directory' | 'notifications' | 'identity' | 'inspection';

export interface TTestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

const repoRoot = path.resolve(__dirname, '../../..');

/**
 * A fresh database with the service's migrations applied, so each suite starts from the real
 * schema and suites never see each other's rows. Drop it in afterAll.
 */
export async function createTestDatabase(service: TServiceName): Promise<TTestDatabase> {
  const admin = new URL(testStack().pgAdminUrl);
  const name = `test_${service.replace('-', '_')}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(admin, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const serviceDir = path.join(repoRoot, 'services', service, 'prisma');
  await deployMigrations({
    schemaPath: path.join(serviceDir, 'schema.prisma'),
    migrationsDir: path.join(serviceDir, 'migrations'),
    databaseUrl: url.toString(),
  });
  return {
    url: url.toString(),
    name,
    drop: () =>
      withAdmin(admin, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

/**
 * A fresh database without migrations, for a process that creates its own tables (the console's
 * session store). Drop it in afterAll.
 */
export async function createEmptyTestDatabase(purpose: string): Promise<TTestDatabase> {
  const admin = new URL(testStack().pgAdminUrl);
  const name = `test_${purpose.replace(/\W/g, '_')}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(admin, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      withAdmin(admin, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

async function withAdmin<T>(url: URL, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
