import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FIXTURE_SCHEMA = path.join(__dirname, '../../fixtures/schema.prisma');

export interface TempProject {
  root: string;
  schemaPath: string;
  migrationsDir: string;
  editSchema(edit: (schema: string) => string): void;
  /** Writes <migrationsDir>/<dirName>/migration.sql by hand (and the lockfile if missing). */
  writeMigration(dirName: string, sql: string): void;
  remove(): void;
}

/** A throwaway prisma/ folder holding a copy of the fixture schema (or the given one). */
export function tempProject(schema = readFileSync(FIXTURE_SCHEMA, 'utf8')): TempProject {
  const root = mkdtempSync(path.join(os.tmpdir(), 'prisma-migrate-test-'));
  const schemaPath = path.join(root, 'prisma', 'schema.prisma');
  const migrationsDir = path.join(root, 'prisma', 'migrations');
  mkdirSync(path.dirname(schemaPath), { recursive: true });
  writeFileSync(schemaPath, schema);
  return {
    root,
    schemaPath,
    migrationsDir,
    editSchema: (edit) => writeFileSync(schemaPath, edit(readFileSync(schemaPath, 'utf8'))),
    writeMigration: (dirName, sql) => {
      mkdirSync(path.join(migrationsDir, dirName), { recursive: true });
      writeFileSync(path.join(migrationsDir, dirName, 'migration.sql'), sql);
      const lockfile = path.join(migrationsDir, 'migration_lock.toml');
      if (!existsSync(lockfile)) writeFileSync(lockfile, 'provider = "postgresql"\n');
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Only the datasource: for suites that write their migrations by hand. */
export const EMPTY_SCHEMA = 'datasource db {\n  provider = "postgresql"\n}\n';
