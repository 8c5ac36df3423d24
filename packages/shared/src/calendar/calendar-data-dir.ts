import path from 'node:path';

/** The monorepo root, from this file's place (packages/shared/src/calendar), so cwd does not matter. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export const DEFAULT_CALENDAR_DATA_DIR = '.local/data/calendar';

/**
 * Where imported calendar years live: env `CALENDAR_DATA_DIR`, default `.local/data/calendar`.
 * A relative value is taken from the repo root (not cwd), so the worker and the CLI agree. Takes
 * `process.env` or a config loaded by config/schema.ts (same variable, same default).
 */
export const resolveCalendarDataDir = (env: { CALENDAR_DATA_DIR?: string | undefined }): string =>
  path.resolve(REPO_ROOT, env.CALENDAR_DATA_DIR?.trim() || DEFAULT_CALENDAR_DATA_DIR);
