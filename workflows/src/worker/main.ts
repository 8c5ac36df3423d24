import { Client, Connection } from '@temporalio/client';
import { NativeConnection, bundleWorkflowCode } from '@temporalio/worker';
import {
  createLogger,
  systemTokenSource,
  temporalDataConverter,
  temporalFailureConverterPath,
} from '@sanxiang/shared';
import { resolveCalendarDataDir } from '@sanxiang/shared/src/calendar';
import { ensureDisclosureSchedules } from '../disclosure';
import { loadWorkerConfig } from './config';
import { createSanxiangWorker } from './create-worker';

/**
 * The Temporal worker: runs every workflow and activity on the configured task queue. Stops
 * gracefully on SIGINT/SIGTERM (the SDK's default shutdown signals): polling stops, running
 * activities finish or are cancelled within the grace time, then the process exits.
 */
async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const logger = createLogger({ name: 'worker', level: config.LOG_LEVEL, format: config.LOG_FORMAT });

  // The worker signs its own short-lived `system` token: it needs the shared secret, a JWKS URL
  // (verification only) is not enough.
  if (!config.AUTH_JWT_SECRET) throw new Error('The worker needs AUTH_JWT_SECRET to sign its system token');
  const token = systemTokenSource({
    secret: config.AUTH_JWT_SECRET,
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
  });
  // Bundled once at start: every workflow (re)load in this process uses the same code.
  const workflowBundle = {
    code: (
      await bundleWorkflowCode({
        workflowsPath: require.resolve('../workflows'),
        failureConverterPath: temporalFailureConverterPath,
      })
    ).code,
  };

  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  // The disclosure Schedules (random-inspection results, quarterly blacklist, annual statistics):
  // created if missing, left alone if present, so every worker start may call it.
  const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  await ensureDisclosureSchedules(
    new Client({
      connection: clientConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      dataConverter: temporalDataConverter(config),
    }),
    config.TEMPORAL_TASK_QUEUE,
  );
  await clientConnection.close();
  const worker = await createSanxiangWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowBundle,
    token,
    codecKeys: config.TEMPORAL_CODEC_KEYS,
    calendarDir: resolveCalendarDataDir(config),
    serviceUrls: {
      recording: config.SERVICE_URL_RECORDING,
      legalReview: config.SERVICE_URL_LEGAL_REVIEW,
      disclosure: config.SERVICE_URL_DISCLOSURE,
      directory: config.SERVICE_URL_DIRECTORY,
      notifications: config.SERVICE_URL_NOTIFICATIONS,
      inspection: config.SERVICE_URL_INSPECTION,
    },
  });
  logger.info(
    { taskQueue: config.TEMPORAL_TASK_QUEUE, namespace: config.TEMPORAL_NAMESPACE },
    'worker started',
  );
  try {
    await worker.run(); // resolves after SIGINT/SIGTERM once shut down
  } finally {
    await connection.close();
    logger.info('worker stopped');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`worker failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
