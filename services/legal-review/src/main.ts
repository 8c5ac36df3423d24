import {
  createLogger,
  createTemporalClient,
  loadConfigOrExit,
  runServer,
  systemTokenSource,
} from '@sanxiang/shared';
import { resolveCalendarDataDir } from '@sanxiang/shared/src/calendar';
import { createApp, createDomainDeps } from './app';
import { createCalendarSource } from './data-access/calendar-source';
import { createPrismaClient } from './data-access/prisma-client';
import { createRecordingClient } from './data-access/recording-client';
import { startBackgroundJobs } from './entry-points/jobs/background-jobs';

async function main() {
  const config = loadConfigOrExit('legal-review');
  const logger = createLogger({ name: 'legal-review', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const db = createPrismaClient(config.DATABASE_URL);
  const temporal = createTemporalClient(config);
  const recording = config.AUTH_JWT_SECRET
    ? createRecordingClient({
        baseUrl: config.SERVICE_URL_RECORDING,
        token: systemTokenSource({
          secret: config.AUTH_JWT_SECRET,
          issuer: config.AUTH_ISSUER,
          audience: config.AUTH_AUDIENCE,
        }),
      })
    : undefined;
  // Machine tokens are HS256: without the shared secret (JWKS-only setups) filing waits for an operator.
  if (!recording) logger.warn('AUTH_JWT_SECRET unset: opinions wait to be filed into the case file');
  const deps = {
    config,
    db,
    temporal,
    logger,
    calendar: createCalendarSource({ importedDir: resolveCalendarDataDir(config) }),
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
