import {
  createLogger,
  createTemporalClient,
  type Logger,
  type TComposedService,
  systemTokenSource,
  type TConfigOf,
} from '@sanxiang/shared';
import { resolveCalendarDataDir } from '@sanxiang/shared/src/calendar';
import { createApp, createDomainDeps, type TAppDeps } from './app';
import { createCalendarSource } from './data-access/calendar-source';
import { createPrismaClient } from './data-access/prisma-client';
import { createDirectoryClient } from './data-access/directory-client';
import { createRecordingClient } from './data-access/recording-client';
import { startBackgroundJobs } from './entry-points/jobs/background-jobs';

/** What tests may set beyond the config; main.ts passes none. */
export interface TComposeServiceOverrides {
  /** Defaults to a logger from LOG_LEVEL / LOG_FORMAT. */
  logger?: Logger;
}

export type { TComposedService };

/** The service wired from its config, as runService runs it (and the end-to-end harness builds it). */
export function composeService(
  config: TConfigOf<'legal-review'>,
  overrides: TComposeServiceOverrides = {},
): TComposedService {
  const logger =
    overrides.logger ??
    createLogger({ name: 'legal-review', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const db = createPrismaClient(config.DATABASE_URL);
  const temporal = createTemporalClient(config);
  const token = config.AUTH_JWT_SECRET
    ? systemTokenSource({
        secret: config.AUTH_JWT_SECRET,
        issuer: config.AUTH_ISSUER,
        audience: config.AUTH_AUDIENCE,
      })
    : undefined;
  const recording = token
    ? createRecordingClient({ baseUrl: config.SERVICE_URL_RECORDING, token })
    : undefined;
  const directory = token
    ? createDirectoryClient({ baseUrl: config.SERVICE_URL_DIRECTORY, token })
    : undefined;
  // Machine tokens are HS256: without the shared secret (JWKS-only setups) filing waits for an operator.
  if (!recording) logger.warn('AUTH_JWT_SECRET unset: opinions wait to be filed into the case file');
  const deps: TAppDeps = {
    config,
    db,
    temporal,
    logger,
    calendar: createCalendarSource({ importedDir: resolveCalendarDataDir(config) }),
    ...(recording ? { recording } : {}),
    ...(directory ? { directory } : {}),
  };
  const built = createDomainDeps(deps);
  const app = createApp(deps, built);
  return {
    app,
    logger,
    startBackground() {
      const jobs = startBackgroundJobs(built.domain, built.outbox);
      return () => jobs.stop();
    },
    async close() {
      await db.$disconnect();
      await temporal.connection.close();
    },
  };
}
