import {
  createLogger,
  createRateLimitStore,
  createTemporalClient,
  type Logger,
  type TComposedService,
  type TConfigOf,
} from '@sanxiang/shared';
import { loadWorkingDayCalendar, resolveCalendarDataDir } from '@sanxiang/shared/src/calendar';
import { createApp } from './app';
import { createPrismaClient } from './data-access/prisma-client';
import { createPublicReadPool } from './data-access/public-read-pool';
import { createSignalDispatcher } from './data-access/signal-outbox';

/** What tests may set beyond the config; main.ts passes none. */
export interface TComposeServiceOverrides {
  /** Defaults to a logger from LOG_LEVEL / LOG_FORMAT. */
  logger?: Logger;
}

export type { TComposedService };

/** The service wired from its config, as runService runs it (and the end-to-end harness builds it). */
export function composeService(
  config: TConfigOf<'disclosure'>,
  overrides: TComposeServiceOverrides = {},
): TComposedService {
  const logger =
    overrides.logger ??
    createLogger({ name: 'disclosure', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const db = createPrismaClient(config.DATABASE_URL);
  const publicReads = createPublicReadPool(config.DATABASE_URL, {
    onIdleClientError: (error) => logger.warn({ err: error }, 'public read pool: idle connection lost'),
  });
  const temporal = createTemporalClient(config);
  // Imported holiday years live where the CLI writes them (CALENDAR_DATA_DIR, as for the worker).
  const importedDir = resolveCalendarDataDir(config);
  const dispatcher = createSignalDispatcher({ db, client: temporal.client, logger });
  const app = createApp({
    config,
    db,
    publicReads,
    temporal,
    logger,
    dispatcher,
    calendar: () => loadWorkingDayCalendar({ importedDir }),
  });
  return {
    app,
    logger,
    startBackground: () => {
      const stopDispatcher = dispatcher.start();
      // Ended rate-limit windows (public platform) are deleted every ten minutes.
      const rateLimits = createRateLimitStore(db);
      const prune = () =>
        rateLimits
          .prune()
          .catch((err: Error) => logger.warn({ err: err.message }, 'rate-limit prune failed'));
      const timer = setInterval(() => void prune(), 10 * 60_000);
      timer.unref();
      return () => {
        clearInterval(timer);
        stopDispatcher();
      };
    },
    async close() {
      await db.$disconnect();
      await publicReads.end();
      await temporal.connection.close();
    },
  };
}
