import path from 'node:path';

/** The monorepo root, from this file's place (packages/shared/src/cli), so cwd does not matter. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export const DEFAULT_CALENDAR_DATA_DIR = '.local/data/calendar';

/**
 * Where imported calendar years live: env `CALENDAR_DATA_DIR`, default `.local/data/calendar`.
 * A relative value is taken from the repo root (not cwd), so services and the CLI agree.
 */
export const resolveCalendarDataDir = (env: NodeJS.ProcessEnv): string =>
  path.resolve(REPO_ROOT, env.CALENDAR_DATA_DIR?.trim() || DEFAULT_CALENDAR_DATA_DIR);
