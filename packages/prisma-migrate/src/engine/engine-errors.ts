import { PrismaMigrateError, type PrismaMigrateErrorCode } from '../errors';
import { takePanicMessage } from './load-schema-engine';

// Prisma error codes the commands expect, mapped to our codes. The engine's own message is kept:
// it is the text the stock CLI prints.
const CODES: Record<string, PrismaMigrateErrorCode> = {
  P1000: 'AUTHENTICATION_FAILED',
  P1001: 'DATABASE_UNREACHABLE',
  P1003: 'DATABASE_MISSING',
  P1012: 'SCHEMA_INVALID',
  P3006: 'MIGRATION_FAILED', // a migration does not apply on the shadow database
  P3009: 'MIGRATIONS_BLOCKED', // a failed migration is recorded in the target database
  P3018: 'MIGRATION_FAILED', // a migration failed on the target database
};

/** Drops the Rust span trace ("   0: schema_engine_wasm::…") the engine appends to messages. */
function withoutSpanTrace(message: string): string {
  const lines = message.split('\n');
  const traceStart = lines.findIndex((line) => /^\s+\d+: \S+::/.test(line));
  return (traceStart >= 0 ? lines.slice(0, traceStart) : lines).join('\n').trimEnd();
}

export function toMigrateError(error: unknown): unknown {
  if (error instanceof PrismaMigrateError) return error;
  const panic = takePanicMessage();
  if (panic !== undefined) {
    return new PrismaMigrateError('ENGINE_ERROR', `The Prisma schema engine panicked: ${panic}`);
  }
  if (!(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  const prismaCode = typeof code === 'string' && /^P\d{4}$/.test(code) ? code : undefined;
  if (prismaCode !== undefined) {
    return new PrismaMigrateError(
      CODES[prismaCode] ?? 'ENGINE_ERROR',
      `${prismaCode}: ${withoutSpanTrace(error.message)}`,
      prismaCode,
    );
  }
  // The engine's user-facing errors without a Prisma code (e.g. a bad migrations directory).
  if (error.name === 'SchemaConnectorError') {
    return new PrismaMigrateError('ENGINE_ERROR', withoutSpanTrace(error.message));
  }
  return error;
}
