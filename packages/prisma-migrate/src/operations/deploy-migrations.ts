import { ensureDatabase } from '../database-check';
import { redactUrl } from '../database-url';
import { NO_FILTERS, displayPath, withEngineSession } from '../engine/engine-session';
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
  const { appliedMigrationNames } = await withEngineSession(params, ({ engine }) =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
  );
  for (const name of appliedMigrationNames) progress(`Applied ${name}`);
  progress(
    appliedMigrationNames.length === 0
      ? 'Database is up to date: no pending migrations'
      : `Applied ${appliedMigrationNames.length} migration(s)`,
  );
  return appliedMigrationNames;
}
