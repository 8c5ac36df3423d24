import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseDatabaseUrl } from './database-url';
import { displayPath } from './engine/engine-session';
import { PrismaMigrateError } from './errors';
import { normalizeMigrationName } from './migrations-dir';
import type {
  CheckDriftOptions,
  CreateMigrationOptions,
  DeployMigrationsOptions,
  DriftResult,
  MarkRolledBackOptions,
  ResetDatabaseOptions,
  ShadowDatabase,
} from './options';
import { runInWorker } from './worker/run-in-worker';

// The library surface. Arguments are checked here so that mistakes fail fast, before a worker
// process is started; the work itself happens in the engine worker.
function checkCommon(options: { schemaPath: string; migrationsDir: string; databaseUrl: string }) {
  parseDatabaseUrl(options.databaseUrl);
  if (!existsSync(options.schemaPath)) {
    throw new PrismaMigrateError(
      'SCHEMA_NOT_FOUND',
      `Prisma schema not found: ${displayPath(path.resolve(options.schemaPath))}`,
    );
  }
  return {
    schemaPath: path.resolve(options.schemaPath),
    migrationsDir: path.resolve(options.migrationsDir),
    databaseUrl: options.databaseUrl,
  };
}

function checkShadow(shadow: ShadowDatabase | undefined): ShadowDatabase {
  if (shadow === undefined || shadow === 'temporary') return 'temporary';
  parseDatabaseUrl(shadow.url, 'shadow database URL');
  return shadow;
}

/** Writes `<migrationsDir>/<UTC stamp>_<name>/migration.sql`; returns that directory, or null when the schema did not change. */
export async function createMigration(options: CreateMigrationOptions): Promise<string | null> {
  normalizeMigrationName(options.name);
  return runInWorker(
    'create',
    { ...checkCommon(options), name: options.name, shadow: checkShadow(options.shadow) },
    options.onProgress,
  );
}

/** Applies pending migrations (`prisma migrate deploy`); returns the names applied now. */
export async function deployMigrations(options: DeployMigrationsOptions): Promise<string[]> {
  return runInWorker('deploy', checkCommon(options), options.onProgress);
}

/** Compares the schema with what the migrations build, on a temporary shadow database. */
export async function checkDrift(options: CheckDriftOptions): Promise<DriftResult> {
  return runInWorker(
    'drift',
    { ...checkCommon(options), shadow: checkShadow(options.shadow) },
    options.onProgress,
  );
}

/** Drops everything in the database and re-applies all migrations; returns their names. */
export async function resetDatabase(options: ResetDatabaseOptions): Promise<string[]> {
  return runInWorker('reset', checkCommon(options), options.onProgress);
}

/** Marks a failed migration as rolled back so deploy can proceed (`prisma migrate resolve --rolled-back`). */
export async function markMigrationRolledBack(options: MarkRolledBackOptions): Promise<void> {
  await runInWorker(
    'markRolledBack',
    { ...checkCommon(options), migrationName: options.migrationName },
    options.onProgress,
  );
}
