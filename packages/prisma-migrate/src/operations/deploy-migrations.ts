import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import type { ScriptFailure } from '../adapter/whole-script-adapter';
import { ensureDatabase } from '../database-check';
import { redactUrl } from '../database-url';
import { NO_FILTERS, displayPath, withEngineSession } from '../engine/engine-session';
import { PrismaMigrateError } from '../errors';
import { readMigrationsList } from '../migrations-dir';
import type { DeployMigrationsOptions, ProgressListener, WorkerParams } from '../options';

// Same as `prisma migrate deploy`: apply pending migrations in name order, record each in
// _prisma_migrations (checksum = sha256 of migration.sql), refuse to go on after a failed one (P3009).
export async function deployMigrationsOperation(
  params: WorkerParams<DeployMigrationsOptions>,
  progress: ProgressListener,
): Promise<string[]> {
  if (await ensureDatabase(params.databaseUrl, { createIfMissing: true })) {
    progress(`Created the missing database ${redactUrl(params.databaseUrl)}`);
  }
  const migrationsList = await readMigrationsList(params.migrationsDir);
  const count = migrationsList.migrationDirectories.length;
  if (count === 0) {
    progress(`No migrations found in ${displayPath(params.migrationsDir)}: nothing to apply`);
    return [];
  }
  progress(
    `Applying pending migrations (${count} in ${displayPath(params.migrationsDir)}) to ${redactUrl(params.databaseUrl)}`,
  );
  const { appliedMigrationNames } = await withEngineSession(params, async ({ engine, lastScriptFailure }) => {
    try {
      return await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    } catch (error) {
      const failure = lastScriptFailure();
      // No script failed: the engine refused before applying anything (e.g. P3009), its message says why.
      if (failure === undefined) throw error;
      throw await migrationFailedError(engine, migrationsList, failure);
    }
  });
  for (const name of appliedMigrationNames) progress(`Applied ${name}`);
  progress(
    appliedMigrationNames.length === 0
      ? 'Database is up to date: no pending migrations'
      : `Applied ${appliedMigrationNames.length} migration(s)`,
  );
  return appliedMigrationNames;
}

// The Wasm engine reports a failed script as "external connector error" without the P3018 the
// native CLI prints; rebuild that report with the migration's name and PostgreSQL's own error.
async function migrationFailedError(
  engine: SchemaEngine,
  migrationsList: MigrationList,
  failure: ScriptFailure,
): Promise<PrismaMigrateError> {
  const { failedMigrationNames } = await engine
    .diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTERS })
    .catch(() => ({ failedMigrationNames: [] as string[] }));
  const name = failedMigrationNames.at(-1) ?? '(unknown)';
  return new PrismaMigrateError(
    'MIGRATION_FAILED',
    [
      `P3018: Migration \`${name}\` failed to apply. New migrations cannot be applied before this is resolved.`,
      `Database error${failure.code ? ` ${failure.code}` : ''}: ${failure.message}`,
      'PostgreSQL ran the script as one transaction and rolled all of it back; the migration is recorded as ' +
        'failed in _prisma_migrations, so further deploys stop with P3009 until it is marked rolled back.',
    ].join('\n'),
    'P3018',
  );
}
