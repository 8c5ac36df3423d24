// Expected failures carry a code and a message fit for a terminal; the CLI prints these without a
// stack. Anything that is not a PrismaMigrateError is a bug and keeps its stack.
export type PrismaMigrateErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_URL'
  | 'DATABASE_UNREACHABLE'
  | 'AUTHENTICATION_FAILED'
  | 'DATABASE_MISSING'
  | 'PERMISSION_DENIED'
  | 'SCHEMA_NOT_FOUND'
  | 'SCHEMA_INVALID'
  | 'MIGRATION_FAILED'
  | 'MIGRATIONS_BLOCKED'
  | 'ENGINE_ERROR'
  | 'WORKER_FAILED';

export class PrismaMigrateError extends Error {
  override readonly name = 'PrismaMigrateError';

  constructor(
    readonly code: PrismaMigrateErrorCode,
    message: string,
    /** Prisma's own error code (P3009, P3018, …) when the schema engine reported the failure. */
    readonly prismaCode?: string,
  ) {
    super(message);
  }
}

export function isPrismaMigrateError(error: unknown): error is PrismaMigrateError {
  return error instanceof PrismaMigrateError;
}
