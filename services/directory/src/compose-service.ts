import { createLogger, type Logger, type TComposedService, type TConfigOf } from '@sanxiang/shared';
import { createApp } from './app';
import { createPrismaClient } from './data-access/prisma-client';

/** What tests may set beyond the config; main.ts passes none. */
export interface TComposeServiceOverrides {
  logger?: Logger;
  now?: () => Date;
}

export type { TComposedService };

/** The service wired from its config, as runService runs it (and the end-to-end harness builds it). */
export function composeService(
  config: TConfigOf<'directory'>,
  overrides: TComposeServiceOverrides = {},
): TComposedService {
  const logger =
    overrides.logger ??
    createLogger({ name: 'directory', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const db = createPrismaClient(config.DATABASE_URL);
  const app = createApp({ config, db, logger, ...(overrides.now ? { now: overrides.now } : {}) });
  return {
    app,
    logger,
    startBackground: () => () => undefined,
    async close() {
      await db.$disconnect();
    },
  };
}
