import pg from 'pg';
import { databaseNameOf, quoteIdentifier, redactUrl, serverOf, withDatabaseName } from './database-url';
import { PrismaMigrateError } from './errors';

const CONNECT_TIMEOUT_MS = 10_000;
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function describe(error: unknown, url: string): PrismaMigrateError | undefined {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const server = serverOf(url);
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) {
    return new PrismaMigrateError(
      'DATABASE_UNREACHABLE',
      `Cannot reach PostgreSQL at ${server} (${code}). Is the database running? URL: ${redactUrl(url)}`,
    );
  }
  if (/timeout/i.test(message)) {
    return new PrismaMigrateError(
      'DATABASE_UNREACHABLE',
      `Cannot reach PostgreSQL at ${server}: ${message}. URL: ${redactUrl(url)}`,
    );
  }
  if (code === '28P01' || code === '28000') {
    return new PrismaMigrateError(
      'AUTHENTICATION_FAILED',
      `PostgreSQL at ${server} refused the credentials: ${message}. URL: ${redactUrl(url)}`,
    );
  }
  if (code === '3D000') {
    return new PrismaMigrateError(
      'DATABASE_MISSING',
      `Database "${databaseNameOf(url)}" does not exist on ${server}. URL: ${redactUrl(url)}`,
    );
  }
  return undefined;
}

async function trySelectOne(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A connection dropped mid-check is reported through the failed query, not as a crash.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Connects once before the engine starts so "database down" reads as such (with host:port), not as
 * an engine error. With createIfMissing the database is created, as `prisma migrate deploy` does.
 * Returns true when the database was created.
 */
export async function ensureDatabase(url: string, options: { createIfMissing: boolean }): Promise<boolean> {
  try {
    await trySelectOne(url);
    return false;
  } catch (error) {
    const described = describe(error, url);
    if (described?.code !== 'DATABASE_MISSING' || !options.createIfMissing) throw described ?? error;
  }
  const maintenanceUrl = withDatabaseName(url, 'postgres');
  const client = new pg.Client({
    connectionString: maintenanceUrl,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query(`CREATE DATABASE ${quoteIdentifier(databaseNameOf(url))}`);
    return true;
  } catch (error) {
    // Created meanwhile by a concurrent run: fine.
    if ((error as { code?: unknown }).code === '42P04') return false;
    if ((error as { code?: unknown }).code === '42501') {
      throw new PrismaMigrateError(
        'PERMISSION_DENIED',
        `Database "${databaseNameOf(url)}" does not exist on ${serverOf(url)} and this role may not create it.`,
      );
    }
    throw describe(error, maintenanceUrl) ?? error;
  } finally {
    await client.end().catch(() => {});
  }
}
