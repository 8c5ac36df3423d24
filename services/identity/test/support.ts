import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '@sanxiang/shared';
import { createApp as createDirectoryApp, createPrismaClient } from '@sanxiang/directory';
import { createTestDatabase, testConfig, testStack } from '@sanxiang/testing';
import { loadDirectoryDemo } from '../../../scripts/demo/load-directory-demo';
import { composeService } from '../src';

export const CONSOLE_URL = 'http://127.0.0.1:39999';
export const CLIENT_SECRET = 'console-secret-for-tests';
export const DEMO_PASSWORD = 'demo-password-tests';

/** A listening server whose handler is set later (the provider must know its own URL first). */
async function reserve(): Promise<{ server: Server; url: string; handle: (h: RequestListener) => void }> {
  let handler: RequestListener = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, url, handle: (h) => (handler = h) };
}

export interface TSignInSystem {
  issuer: string;
  directoryUrl: string;
  /** The provider's database (sessions, grants, rate-limit counters). */
  identityDatabaseUrl: string;
  /**
   * Stops the provider (its database client closed, everything it held in memory gone) and starts
   * a new one on the same database, key file and address, as a restarted process would.
   */
  restartProvider(): Promise<void>;
  close(): Promise<void>;
}

export interface TSignInSystemOptions {
  /** Config overrides of the provider (e.g. LOGIN_MAX_FAILURES_PER_ACCOUNT). */
  identity?: Record<string, string>;
}

/**
 * The real provider and the real directory (over a fresh database of the test PostgreSQL, the demo
 * directory loaded through its admin API), each on a loopback port; the directory verifies people's
 * tokens through the provider's JWKS, as every service does under `npm start`.
 */
export async function startSignInSystem(options: TSignInSystemOptions = {}): Promise<TSignInSystem> {
  const identity = await reserve();
  const directory = await reserve();
  const database = await createTestDatabase('directory');
  const identityDatabase = await createTestDatabase('identity');
  const db = createPrismaClient(database.url);
  const logger = createLogger({ name: 'identity-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  directory.handle(
    createDirectoryApp({
      config: testConfig('directory', {
        DATABASE_URL: database.url,
        AUTH_JWKS_URL: `${identity.url}/jwks`,
        AUTH_JWKS_ISSUER: identity.url,
      }),
      db,
      logger,
    }),
  );
  await loadDirectoryDemo(directory.url, {
    secret: testStack().authSecret,
    issuer: 'sanxiang-local',
    audience: 'sanxiang',
  });
  const keyDir = mkdtempSync(path.join(os.tmpdir(), 'sanxiang-identity-'));
  const identityConfig = testConfig('identity', {
    DATABASE_URL: identityDatabase.url,
    SERVICE_URL_DIRECTORY: directory.url,
    OIDC_ISSUER: identity.url,
    CONSOLE_URL,
    OIDC_CONSOLE_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_DEMO_PASSWORD: DEMO_PASSWORD,
    OIDC_SIGNING_KEY_FILE: path.join(keyDir, 'signing-key.json'),
    OIDC_COOKIE_SECRET: 'cookie-secret-cookie-secret-cookie-secret',
    ...options.identity,
  });
  let service = await composeService(identityConfig, { logger });
  identity.handle(service.app);
  return {
    issuer: identity.url,
    directoryUrl: directory.url,
    identityDatabaseUrl: identityDatabase.url,
    async restartProvider() {
      identity.handle((_req, res) => res.writeHead(503).end());
      identity.server.closeAllConnections();
      await service.close();
      service = await composeService(identityConfig, { logger });
      identity.handle(service.app);
    },
    async close() {
      for (const s of [identity.server, directory.server]) {
        s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
      await service.close();
      await db.$disconnect();
      await Promise.all([database.drop(), identityDatabase.drop()]);
    },
  };
}
