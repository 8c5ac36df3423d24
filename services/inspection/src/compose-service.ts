import {
  createLogger,
  systemTokenSource,
  type Logger,
  type TComposedService,
  type TConfigOf,
} from '@sanxiang/shared';
import { createApp } from './app';
import { createDirectoryClient } from './data-access/directory-client';
import { createPrismaClient } from './data-access/prisma-client';

/** What tests may set beyond the config; main.ts passes none. */
export interface TComposeServiceOverrides {
  logger?: Logger;
  now?: () => Date;
  newSeed?: () => number;
}

export type { TComposedService };

/** The service wired from its config, as runService runs it (and the end-to-end harness builds it). */
export function composeService(
  config: TConfigOf<'inspection'>,
  overrides: TComposeServiceOverrides = {},
): TComposedService {
  const logger =
    overrides.logger ??
    createLogger({ name: 'inspection', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const db = createPrismaClient(config.DATABASE_URL);
  if (!config.AUTH_JWT_SECRET)
    logger.warn('AUTH_JWT_SECRET unset: the inspector pool (directory) cannot be asked');
  const token = config.AUTH_JWT_SECRET
    ? systemTokenSource({
        secret: config.AUTH_JWT_SECRET,
        issuer: config.AUTH_ISSUER,
        audience: config.AUTH_AUDIENCE,
      })
    : () => {
        throw new Error('AUTH_JWT_SECRET is needed for machine tokens to the directory');
      };
  const directory = createDirectoryClient({ baseUrl: config.SERVICE_URL_DIRECTORY, token });
  const app = createApp({
    config,
    db,
    logger,
    directory,
    ...(overrides.now ? { now: overrides.now } : {}),
    ...(overrides.newSeed ? { newSeed: overrides.newSeed } : {}),
  });
  return {
    app,
    logger,
    startBackground: () => () => undefined,
    async close() {
      await db.$disconnect();
    },
  };
}
