import { createLogger, createTemporalClient, loadConfigOrExit, runServer } from '@sanxiang/shared';
import { loadWorkingDayCalendar, resolveCalendarDataDir } from '@sanxiang/shared/src/calendar';
import { createApp } from './app';
import { createPrismaClient } from './data-access/prisma-client';
import { createPublicReadPool } from './data-access/public-read-pool';
import { createSignalDispatcher } from './data-access/signal-outbox';

async function main() {
  const config = loadConfigOrExit('disclosure');
  const logger = createLogger({ name: 'disclosure', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const db = createPrismaClient(config.DATABASE_URL);
  const publicReads = createPublicReadPool(config.DATABASE_URL);
  const temporal = createTemporalClient(config);
  // Imported holiday years live where the CLI writes them (CALENDAR_DATA_DIR, as for the worker).
  const importedDir = resolveCalendarDataDir(config);
  const dispatcher = createSignalDispatcher({ db, client: temporal.client, logger });
  const stopOutbox = dispatcher.start();
  const app = createApp({
    config,
    db,
    publicReads,
    temporal,
    logger,
    dispatcher,
    calendar: () => loadWorkingDayCalendar({ importedDir }),
  });
  await runServer({
    app,
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    logger,
    onShutdown: async () => {
      stopOutbox();
      await db.$disconnect();
      await publicReads.end();
      await temporal.connection.close();
    },
  });
}

main().catch((err: Error) => {
  process.stderr.write(`disclosure failed to start: ${err.message}\n`);
  process.exit(1);
});
