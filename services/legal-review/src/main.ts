import {
  createLogger,
  createTemporalClient,
  loadConfigOrExit,
  runServer,
  systemTokenSource,
  ZEnv,
} from '@sanxiang/shared';
import { resolveCalendarDataDir } from '@sanxiang/shared/src/calendar';
import { createApp, createDomainDeps } from './app';
import { createCalendarSource } from './data-access/calendar-source';
import { createPrismaClient } from './data-access/prisma-client';
import { createRecordingClient } from './data-access/recording-client';
import { startBackgroundJobs } from './entry-points/jobs/background-jobs';

/**
 * SERVICE_URL_RECORDING and CALENDAR_DATA_DIR are read with the shared schema, until they join the
 * `legal-review` profile in packages/shared/src/config/schema.ts.
 */
const ZExtraEnv = ZEnv.pick({ SERVICE_URL_RECORDING: true, CALENDAR_DATA_DIR: true }).partial();

async function main() {
  const config = loadConfigOrExit('legal-review');
  const extra = ZExtraEnv.parse(process.env);
  const logger = createLogger({ name: 'legal-review', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const db = createPrismaClient(config.DATABASE_URL);
  const temporal = createTemporalClient(config);
  const recording =
    extra.SERVICE_URL_RECORDING && config.AUTH_JWT_SECRET
      ? createRecordingClient({
          baseUrl: extra.SERVICE_URL_RECORDING,
          token: systemTokenSource({
            secret: config.AUTH_JWT_SECRET,
            issuer: config.AUTH_ISSUER,
            audience: config.AUTH_AUDIENCE,
          }),
        })
      : undefined;
  if (!recording) logger.warn('SERVICE_URL_RECORDING or AUTH_JWT_SECRET unset: opinions wait to be filed');
  const deps = {
    config,
    db,
    temporal,
    logger,
    calendar: createCalendarSource({ importedDir: resolveCalendarDataDir(extra) }),
    ...(recording ? { recording } : {}),
  };
  const built = createDomainDeps(deps);
  const app = createApp(deps, built);
  const jobs = startBackgroundJobs(built.domain, built.outbox);
  await runServer({
    app,
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    logger,
    onShutdown: async () => {
      await jobs.stop();
      await db.$disconnect();
      await temporal.connection.close();
    },
  });
}

main().catch((err: Error) => {
  process.stderr.write(`legal-review failed to start: ${err.message}\n`);
  process.exit(1);
});
