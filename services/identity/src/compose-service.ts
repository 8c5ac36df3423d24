import path from 'node:path';
import {
  createLogger,
  createRateLimitStore,
  systemTokenSource,
  type Logger,
  type TConfigOf,
} from '@sanxiang/shared';
import type { Express } from 'express';
import { createApp } from './app';
import { directoryAccounts, type TDirectoryAccounts } from './data-access/directory-accounts';
import { oidcAdapter, pruneExpired } from './data-access/oidc-adapter';
import { createPrismaClient, databaseReadiness } from './data-access/prisma-client';
import { loadOrCreateSigningKey } from './data-access/signing-key';
import { createProvider } from './domain/create-provider';
import { loginRateLimit } from './domain/login-rate-limit';

export interface TComposedIdentity {
  app: Express;
  logger: Logger;
  /** Prunes expired sessions, tokens and rate-limit windows now and then; returns the stopper. */
  startBackground(intervalMs?: number): () => void;
  close(): Promise<void>;
}

/** The provider wired from its config, as main.ts runs it (and tests build it). */
export async function composeService(
  config: TConfigOf<'identity'>,
  overrides: { logger?: Logger; accounts?: TDirectoryAccounts } = {},
): Promise<TComposedIdentity> {
  const logger =
    overrides.logger ??
    createLogger({ name: 'identity', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  if (!config.AUTH_JWT_SECRET) throw new Error('AUTH_JWT_SECRET is needed to call the directory');
  const keyFile = path.resolve(config.OIDC_SIGNING_KEY_FILE);
  const { key, created } = await loadOrCreateSigningKey(keyFile);
  if (created) logger.info({ file: keyFile, kid: key.kid }, 'generated a signing key');
  const db = createPrismaClient(config.DATABASE_URL);
  const rateLimits = createRateLimitStore(db);
  const accounts =
    overrides.accounts ??
    directoryAccounts({
      baseUrl: config.SERVICE_URL_DIRECTORY,
      token: systemTokenSource({
        secret: config.AUTH_JWT_SECRET,
        issuer: config.AUTH_ISSUER,
        audience: config.AUTH_AUDIENCE,
        subject: 'system:identity',
        name: '身份认证服务',
      }),
    });
  const provider = createProvider({
    issuer: config.OIDC_ISSUER.replace(/\/+$/, ''),
    consoleUrl: config.CONSOLE_URL,
    consoleClientSecret: config.OIDC_CONSOLE_CLIENT_SECRET,
    signingKey: key,
    cookieSecret: config.OIDC_COOKIE_SECRET,
    accessTokenTtl: config.OIDC_ACCESS_TOKEN_TTL,
    accounts,
    adapter: oidcAdapter(db),
    logger,
  });
  const directoryUrl = config.SERVICE_URL_DIRECTORY.replace(/\/+$/, '');
  const app = createApp({
    provider,
    accounts,
    demoPassword: config.OIDC_DEMO_PASSWORD,
    logger,
    loginLimit: loginRateLimit(rateLimits, {
      maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerPeer: config.LOGIN_MAX_FAILURES_PER_PEER,
      windowSeconds: config.LOGIN_RATE_WINDOW,
    }),
    trustProxy: config.HTTP_TRUST_PROXY,
    redirectOrigins: [new URL(config.CONSOLE_URL).origin],
    readiness: {
      database: databaseReadiness(db),
      directory: async () => {
        const res = await fetch(`${directoryUrl}/healthz`, { signal: AbortSignal.timeout(3000) });
        if (!res.ok) throw new Error(`directory answered ${res.status}`);
      },
    },
  });
  return {
    app,
    logger,
    startBackground(intervalMs = 10 * 60_000) {
      const prune = async () => {
        try {
          const [payloads, windows] = await Promise.all([pruneExpired(db), rateLimits.prune()]);
          if (payloads + windows > 0) logger.debug({ payloads, windows }, 'pruned expired rows');
        } catch (err) {
          logger.warn({ err: (err as Error).message }, 'pruning expired rows failed; retried later');
        }
      };
      const timer = setInterval(() => void prune(), intervalMs);
      timer.unref();
      void prune();
      return () => clearInterval(timer);
    },
    close: () => db.$disconnect(),
  };
}
