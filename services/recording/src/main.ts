import { createLogger, createTemporalClient, loadConfigOrExit, runServer } from '@sanxiang/shared';
import { createApp } from './app';
import { createPrismaClient } from './data-access/prisma-client';

async function main() {
  const config = loadConfigOrExit('recording');
  const logger = createLogger({ name: 'recording', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const db = createPrismaClient(config.DATABASE_URL);
  const temporal = createTemporalClient(config);
  const app = createApp({ config, db, temporal, logger });
  await runServer({
    app,
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    logger,
    onShutdown: async () => {
      await db.$disconnect();
      await temporal.connection.close();
    },
  });
}

main().catch((err: Error) => {
  process.stderr.write(`recording failed to start: ${err.message}\n`);
  process.exit(1);
});
