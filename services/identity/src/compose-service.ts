import path from 'node:path';
import { createLogger, systemTokenSource, type Logger, type TConfigOf } from '@sanxiang/shared';
import type { Express } from 'express';
import { createApp } from './app';
import { directoryAccounts, type TDirectoryAccounts } from './data-access/directory-accounts';
import { loadOrCreateSigningKey } from './data-access/signing-key';
import { createProvider } from './domain/create-provider';

export interface TComposedIdentity {
  app: Express;
  logger: Logger;
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
    logger,
  });
  const directoryUrl = config.SERVICE_URL_DIRECTORY.replace(/\/+$/, '');
  const app = createApp({
    provider,
    accounts,
    demoPassword: config.OIDC_DEMO_PASSWORD,
    logger,
    redirectOrigins: [new URL(config.CONSOLE_URL).origin],
    readiness: {
      directory: async () => {
        const res = await fetch(`${directoryUrl}/healthz`, { signal: AbortSignal.timeout(3000) });
        if (!res.ok) throw new Error(`directory answered ${res.status}`);
      },
    },
  });
  return { app, logger, close: async () => undefined };
}
