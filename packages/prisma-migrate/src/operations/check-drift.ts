import { ensureDatabase } from '../database-check';
import { NO_FILTERS, displayPath, withEngineSession } from '../engine/engine-session';
import { readMigrationsList, withDefaultLockfile } from '../migrations-dir';
import type { CheckDriftOptions, DriftResult, ProgressListener, WorkerParams } from '../options';

// Does schema.prisma describe what the migrations build? The migrations are replayed on a shadow
// database and compared with the schema; the main database only hosts the shadow and is not read.
export async function checkDriftOperation(
  params: WorkerParams<CheckDriftOptions>,
  progress: ProgressListener,
): Promise<DriftResult> {
  await ensureDatabase(params.databaseUrl, { createIfMissing: false });
  const migrationsList = withDefaultLockfile(await readMigrationsList(params.migrationsDir));
  progress(
    `Replaying ${migrationsList.migrationDirectories.length} migration(s) from ${displayPath(params.migrationsDir)} ` +
      `on a shadow database and comparing with ${displayPath(params.schemaPath)}`,
  );
  const result = await withEngineSession(params, ({ engine, schemaFiles }) =>
    engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: schemaFiles },
      script: false,
      exitCode: true,
      filters: NO_FILTERS,
    }),
  );
  // Exit code 2 is the engine's "the two sides differ" (as `prisma migrate diff --exit-code`).
  if (result.exitCode === 2) return { drift: true, summary: (result.stdout ?? '').trim() };
  return { drift: false, summary: 'No drift: the migrations produce exactly the schema' };
}
