import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { createLogger, systemTokenSource } from '@sanxiang/shared';
import { loadWorkingDayCalendar, resolveCalendarDataDir } from '@sanxiang/shared/src/calendar';
import { createActivities } from '../activities';
import { ensureDisclosureSchedules } from '../disclosure';
import { createServiceClient } from '../http/service-client';
import { loadWorkerConfig } from './config';

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
  const serviceClient = (baseUrl: string) => createServiceClient({ baseUrl, token });
  const importedDir = resolveCalendarDataDir(config);

  // Bundled once at start: every workflow (re)load in this process uses the same code.
  const workflowBundle = {
    code: (await bundleWorkflowCode({ workflowsPath: require.resolve('../workflows') })).code,
  };

  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  // The disclosure Schedules (random-inspection results, quarterly blacklist, annual statistics):
  // created if missing, left alone if present, so every worker start may call it.
  const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  await ensureDisclosureSchedules(
    new Client({ connection: clientConnection, namespace: config.TEMPORAL_NAMESPACE }),
    config.TEMPORAL_TASK_QUEUE,
  );
  await clientConnection.close();
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowBundle,
    activities: createActivities({
      recording: serviceClient(config.SERVICE_URL_RECORDING),
      legalReview: serviceClient(config.SERVICE_URL_LEGAL_REVIEW),
      disclosure: serviceClient(config.SERVICE_URL_DISCLOSURE),
      directory: serviceClient(config.SERVICE_URL_DIRECTORY),
      notifications: serviceClient(config.SERVICE_URL_NOTIFICATIONS),
      // Read per computation (a few small files), so an imported holiday year counts at once.
      calendar: () => loadWorkingDayCalendar({ importedDir }),
    }),
    // Lifecycles wait for weeks between events, so a cached one is rarely reused soon; 50 still lets
    // a burst of signals to the same few cases avoid replays. Measured (workflows/bench, 10,000 open
    // lifecycles, docs/benchmarks.md): each cached run costs ~2 MiB in the workflow thread (every
    // sandbox evaluates the bundle's modules, zod schemas included), and V8 lets that thread's heap
    // grow to a multiple of its live size before collecting — 200 peaked at 1.6 GiB RSS, 50 stays
    // under 1 GiB. The SDK default (~45% of heap) would suit busier workflows.
    maxCachedWorkflows: 50,
    shutdownGraceTime: '10 seconds',
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
