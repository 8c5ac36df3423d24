import { ensureDatabase } from '../database-check';
import { withEngineSession } from '../engine/engine-session';
import type { MarkRolledBackOptions, ProgressListener, WorkerParams } from '../options';

// `prisma migrate resolve --rolled-back <name>`, which in Prisma 7 needs the native engine: after a
// failed migration (P3018) the next deploy is blocked (P3009) until it is marked rolled back.
export async function markRolledBackOperation(
  params: WorkerParams<MarkRolledBackOptions>,
  progress: ProgressListener,
): Promise<void> {
  await ensureDatabase(params.databaseUrl, { createIfMissing: false });
  await withEngineSession(params, ({ engine }) =>
    engine.markMigrationRolledBack({ migrationName: params.migrationName }),
  );
  progress(`Marked ${params.migrationName} as rolled back; fix it and deploy again`);
}
