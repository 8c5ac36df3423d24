import type { ShadowDatabase } from './adapter/shadow-database';

export type { ShadowDatabase };

/** Receives one human-readable line per step (the CLI prints them). */
export type ProgressListener = (message: string) => void;

interface CommonOptions {
  /** The service's prisma/schema.prisma. */
  schemaPath: string;
  /** The service's prisma/migrations directory (standard Prisma layout). */
  migrationsDir: string;
  /** postgresql:// URL of the service's database. */
  databaseUrl: string;
  onProgress?: ProgressListener;
}

export interface CreateMigrationOptions extends CommonOptions {
  /** Free text; normalized to lower_snake_case for the directory name. */
  name: string;
  /** Where to replay the existing migrations; a temporary database by default. */
  shadow?: ShadowDatabase;
}

export type DeployMigrationsOptions = CommonOptions;

export interface CheckDriftOptions extends CommonOptions {
  shadow?: ShadowDatabase;
}

export type ResetDatabaseOptions = CommonOptions;

export interface MarkRolledBackOptions extends CommonOptions {
  /** The failed migration's directory name, e.g. 20261121093000_add_index. */
  migrationName: string;
}

export interface DriftResult {
  /** True when the schema describes a database the migrations do not produce. */
  drift: boolean;
  /** The engine's human-readable difference (what the migrations lack), or a "no drift" line. */
  summary: string;
}

/** What crosses the process boundary to the engine worker: the options minus the callback. */
export type WorkerParams<T> = Omit<T, 'onProgress'>;
