import { ensureDatabase } from '../database-check';
import { redactUrl } from '../database-url';
import { NO_FILTERS, withEngineSession } from '../engine/engine-session';
import { readMigrationsList } from '../migrations-dir';
import type { ProgressListener, ResetDatabaseOptions, WorkerParams } from '../options';

// `prisma migrate reset --skip-seed`: drop everything in the database, then apply every migration.
export async function resetDatabaseOperation(
  params: WorkerParams<ResetDatabaseOptions>,
  progress: ProgressListener,
): Promise<string[]> {
  await ensureDatabase(params.databaseUrl, { createIfMissing: true });
  const migrationsList = await readMigrationsList(params.migrationsDir);
  return withEngineSession(params, async ({ engine }) => {
    progress(`Dropping everything in ${redactUrl(params.databaseUrl)}`);
    await engine.reset({ filter: NO_FILTERS });
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    progress(`Re-applied ${appliedMigrationNames.length} migration(s)`);
    return appliedMigrationNames;
  });
}
