import { createLogger, createTemporalClient, loadConfigOrExit, runServer } from '@sanxiang/shared';
import { buildRecordingDeps, createApp } from './app';
import { createEvidenceStore, createS3Client } from './data-access/evidence-store';
import { createPrismaClient } from './data-access/prisma-client';

async function main() {
  const config = loadConfigOrExit('recording');
  const logger = createLogger({ name: 'recording', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const db = createPrismaClient(config.DATABASE_URL);
  const temporal = createTemporalClient(config);
  const store = createEvidenceStore(createS3Client(config), config.S3_EVIDENCE_BUCKET);
  const deps = {
    config,
    db,
    temporal,
    logger,
    store,
    evidence: { retentionDays: config.EVIDENCE_RETENTION_DAYS },
  };
  const app = createApp(deps);
  // Lifecycle messages that could not be delivered at once (Temporal down) are retried from here.
  const stopOutbox = buildRecordingDeps(deps).outbox.startLoop(15_000);
  await runServer({
    app,
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    logger,
    onShutdown: async () => {
      stopOutbox();
      await db.$disconnect();
      await temporal.connection.close();
    },
  });
}

main().catch((err: Error) => {
  process.stderr.write(`recording failed to start: ${err.message}\n`);
  process.exit(1);
});
