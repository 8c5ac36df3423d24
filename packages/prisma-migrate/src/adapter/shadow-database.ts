import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { databaseNameOf, quoteIdentifier, redactUrl, serverOf, withDatabaseName } from '../database-url';
import { PrismaMigrateError } from '../errors';

/**
 * Where the engine replays the migrations to learn the schema they produce.
 * - `temporary` (default): a fresh database on the main server, created for the run and dropped after
 *   (the role needs CREATEDB).
 * - `{ url }`: an existing database set aside for this; everything in it is dropped before use.
 */
/** Temporary shadow databases are called `prisma_shadow_<main database>_<random>`. */
export const SHADOW_PREFIX = 'prisma_shadow_';

export type ShadowDatabase = 'temporary' | { url: string };

export interface ShadowLease {
  url: string;
  /** Drops the temporary database (no-op for a configured shadow URL). Call after its pool closed. */
  release(): Promise<void>;
}

async function withAdminClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}

function createFailure(error: unknown, mainUrl: string): PrismaMigrateError {
  const code = (error as { code?: unknown }).code;
  const reason = error instanceof Error ? error.message : String(error);
  if (code === '42501') {
    return new PrismaMigrateError(
      'PERMISSION_DENIED',
      `Cannot create a temporary shadow database on ${serverOf(mainUrl)}: ${reason}. ` +
        'Grant the role CREATEDB or pass a shadow database URL.',
    );
  }
  return new PrismaMigrateError(
    'ENGINE_ERROR',
    `Cannot create a temporary shadow database on ${serverOf(mainUrl)} (${redactUrl(mainUrl)}): ${reason}`,
  );
}

// Patch 2. @prisma/adapter-pg's connectToShadowDb builds its pool from the connection string, so
// the "shadow" ends up being the main database; and it drops the database before closing the pool.
export async function leaseShadowDatabase(mainUrl: string, shadow: ShadowDatabase): Promise<ShadowLease> {
  if (shadow !== 'temporary') {
    await withAdminClient(shadow.url, (client) =>
      // Same clean slate the engine would start from with a configured shadow database.
      client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;'),
    );
    return { url: shadow.url, release: async () => {} };
  }
  // Named after the main database so a leftover is easy to attribute; kept under PostgreSQL's
  // 63-byte identifier limit.
  const name = `${SHADOW_PREFIX}${databaseNameOf(mainUrl).slice(0, 32)}_${randomBytes(5).toString('hex')}`;
  try {
    await withAdminClient(mainUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  } catch (error) {
    throw createFailure(error, mainUrl);
  }
  let released = false;
  return {
    url: withDatabaseName(mainUrl, name),
    release: async () => {
      if (released) return;
      released = true;
      // FORCE ends any connection the engine may have left behind (PostgreSQL 13+).
      await withAdminClient(mainUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
      );
    },
  };
}
