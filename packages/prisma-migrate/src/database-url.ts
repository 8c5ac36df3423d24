import { PrismaMigrateError } from './errors';

// Validates a PostgreSQL connection URL up front so a typo is reported as such, not as an engine
// failure further down.
export function parseDatabaseUrl(url: string, label = 'database URL'): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PrismaMigrateError('INVALID_URL', `The ${label} is not a valid URL: ${redactUrl(url)}`);
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') {
    throw new PrismaMigrateError(
      'INVALID_URL',
      `The ${label} must start with postgresql:// (got ${parsed.protocol}//): ${redactUrl(url)}`,
    );
  }
  if (databaseNameOf(parsed) === '') {
    throw new PrismaMigrateError('INVALID_URL', `The ${label} names no database: ${redactUrl(url)}`);
  }
  return parsed;
}

/** The URL with its password masked, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    // Unparseable: mask anything that looks like user:password@.
    return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
  }
}

/** host:port (or the socket directory given with ?host=) for "could not reach" messages. */
export function serverOf(url: string): string {
  const parsed = new URL(url);
  const socketHost = parsed.searchParams.get('host');
  const host = socketHost ?? (parsed.hostname === '' ? 'localhost' : parsed.hostname);
  return `${host}:${parsed.port === '' ? '5432' : parsed.port}`;
}

export function databaseNameOf(url: URL | string): string {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  return decodeURIComponent(parsed.pathname.replace(/^\//, ''));
}

/** The same server and credentials, another database (shadow and maintenance connections). */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** Prisma's `?schema=` parameter; pg itself ignores it, the adapter needs it. */
export function schemaParamOf(url: string): string | undefined {
  return new URL(url).searchParams.get('schema') ?? undefined;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
