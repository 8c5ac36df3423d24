import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checkDrift, createMigration, deployMigrations } from '../src/index';
import { tempProject, type TempProject } from './support/temp-project';
import {
  dropTestDatabases,
  leftoverShadowDatabases,
  testDatabase,
  type TestDatabase,
} from './support/test-postgres';

// The everyday path, in order: first migration from an empty folder, deploy, re-deploy, drift after
// a schema edit, the next migration, no drift. Against a real PostgreSQL (SANXIANG_TEST_PG_URL).
describe('create → deploy → drift on a real PostgreSQL', () => {
  let project: TempProject;
  let db: TestDatabase;
  let first: string;
  const progress: string[] = [];
  const options = () => ({
    schemaPath: project.schemaPath,
    migrationsDir: project.migrationsDir,
    databaseUrl: db.url,
    onProgress: (line: string) => progress.push(line),
  });

  beforeAll(async () => {
    project = tempProject();
    // Not created: createMigration creates the missing database, as `prisma migrate dev` does.
    db = await testDatabase({ create: false });
  });

  afterAll(async () => {
    project?.remove();
    await dropTestDatabases();
  });

  test('creates the first migration from an empty migrations folder', async () => {
    const created = await createMigration({ ...options(), name: 'Init cases' });

    expect(created).not.toBeNull();
    first = path.basename(created ?? '');
    expect(first).toMatch(/^\d{14}_init_cases$/);
    const sql = readFileSync(path.join(project.migrationsDir, first, 'migration.sql'), 'utf8');
    expect(sql).toContain('CREATE TYPE "CaseStatus" AS ENUM');
    expect(sql).toContain('CREATE TABLE "Case"');
    expect(sql).toContain('ADD CONSTRAINT "Note_caseId_fkey" FOREIGN KEY');
    // Replayed on an empty shadow database, the history needs no CREATE SCHEMA (same as migrate dev).
    expect(sql).not.toContain('CREATE SCHEMA');
    expect(readFileSync(path.join(project.migrationsDir, 'migration_lock.toml'), 'utf8')).toContain(
      'provider = "postgresql"',
    );
    expect(progress.some((line) => line.startsWith('Created '))).toBe(true);
    expect(await leftoverShadowDatabases(db.name)).toEqual([]);
  });

  test('deploy applies it and records the row the stock CLI would', async () => {
    expect(await deployMigrations(options())).toEqual([first]);

    const rows = await db.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
      logs: string | null;
    }>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs FROM _prisma_migrations',
    );
    const file = readFileSync(path.join(project.migrationsDir, first, 'migration.sql'));
    expect(rows).toEqual([
      {
        migration_name: first,
        checksum: createHash('sha256').update(file).digest('hex'),
        finished_at: expect.any(Date),
        rolled_back_at: null,
        applied_steps_count: 1,
        logs: null,
      },
    ]);
    const tables = await db.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    expect(tables.map((row) => row.tablename)).toEqual(['Case', 'Note', '_prisma_migrations']);
  });

  test('re-deploy is a no-op, and the engine leaves no timer holding the process (its timers are unref-ed)', async () => {
    const refedTimers = () => process.getActiveResourcesInfo().filter((type) => type === 'Timeout').length;
    const before = refedTimers();
    expect(await deployMigrations(options())).toEqual([]);
    // The Wasm engine arms 10 s timers; without patch 4 they keep every command's process alive for
    // 10 s after it has finished. Unref-ed timers do not count among the active resources.
    expect(refedTimers()).toBeLessThanOrEqual(before);
    expect(await db.query('SELECT 1 FROM _prisma_migrations')).toHaveLength(1);
  });

  test('an unchanged schema creates no migration', async () => {
    expect(await createMigration({ ...options(), name: 'nothing' })).toBeNull();
    expect(readdirSync(project.migrationsDir).sort()).toEqual([first, 'migration_lock.toml']);
  });

  test('drift is detected after editing the schema, and no shadow database is left behind', async () => {
    project.editSchema((schema) =>
      schema.replace('  title     String\n', '  title     String\n  summary   String?\n'),
    );

    const result = await checkDrift(options());

    expect(result.drift).toBe(true);
    expect(result.summary).toContain('Changed the `Case` table');
    expect(result.summary).toContain('summary');
    expect(await leftoverShadowDatabases(db.name)).toEqual([]);
  });

  test('no drift after creating the next migration, which deploys after the first', async () => {
    const second = path.basename((await createMigration({ ...options(), name: 'add_summary' })) ?? '');
    expect(second).toMatch(/^\d{14}_add_summary$/);
    expect(second > first).toBe(true);
    expect(readFileSync(path.join(project.migrationsDir, second, 'migration.sql'), 'utf8')).toContain(
      'ALTER TABLE "Case" ADD COLUMN     "summary" TEXT;',
    );

    expect(await checkDrift(options())).toEqual({
      drift: false,
      summary: expect.stringContaining('No drift'),
    });
    expect(await deployMigrations(options())).toEqual([second]);
  });
});
