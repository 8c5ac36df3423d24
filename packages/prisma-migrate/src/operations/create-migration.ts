import path from 'node:path';
import { ensureDatabase } from '../database-check';
import { NO_FILTERS, displayPath, withEngineSession } from '../engine/engine-session';
import {
  nextMigrationDirName,
  normalizeMigrationName,
  readMigrationsList,
  withDefaultLockfile,
  writeMigration,
} from '../migrations-dir';
import type { CreateMigrationOptions, ProgressListener, WorkerParams } from '../options';

// `engine.createMigration` insists on a shadow database from the native engine's own factory, so the
// migration is the diff "existing migrations (replayed on a shadow database) → schema", as SQL.
export async function createMigrationOperation(
  params: WorkerParams<CreateMigrationOptions>,
  progress: ProgressListener,
): Promise<string | null> {
  normalizeMigrationName(params.name); // reject a bad name before doing any work
  if (await ensureDatabase(params.databaseUrl, { createIfMissing: true })) {
    progress(`Created the missing database (as prisma migrate dev would)`);
  }
  const migrationsList = withDefaultLockfile(await readMigrationsList(params.migrationsDir));
  const existing = migrationsList.migrationDirectories.map((dir) => dir.path);
  progress(
    `Replaying ${existing.length} migration(s) from ${displayPath(params.migrationsDir)} on a shadow database ` +
      `and comparing with ${displayPath(params.schemaPath)}`,
  );
  const result = await withEngineSession(params, ({ engine, schemaFiles }) =>
    engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: schemaFiles },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    }),
  );
  if (result.exitCode === 0 || !result.stdout) {
    progress('No schema change since the last migration: nothing created');
    return null;
  }
  const dirName = nextMigrationDirName(existing, params.name, new Date());
  const dir = await writeMigration(params.migrationsDir, dirName, result.stdout);
  progress(`Created ${displayPath(path.join(dir, 'migration.sql'))}`);
  return dir;
}
