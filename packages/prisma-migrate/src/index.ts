// Prisma migrations without Prisma's native schema engine: see ../README.md.
export {
  checkDrift,
  createMigration,
  deployMigrations,
  markMigrationRolledBack,
  resetDatabase,
} from './migrate-api';
export { PrismaMigrateError, isPrismaMigrateError, type PrismaMigrateErrorCode } from './errors';
export type {
  CheckDriftOptions,
  CreateMigrationOptions,
  DeployMigrationsOptions,
  DriftResult,
  MarkRolledBackOptions,
  ProgressListener,
  ResetDatabaseOptions,
  ShadowDatabase,
} from './options';
