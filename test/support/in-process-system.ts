import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { NativeConnection } from '@temporalio/worker';
import { createLogger, createTemporalClient, lifecycleWorkflowId, systemTokenSource } from '@sanxiang/shared';
import { resolveCalendarDataDir } from '@sanxiang/shared/src/calendar';
import {
  cachedWorkflowBundle,
  createEmptyTestDatabase,
  createTestDatabase,
  testConfig,
  testStack,
  type TTestDatabase,
} from '@sanxiang/testing';
import { ensureDisclosureSchedules } from '@sanxiang/workflows/src/disclosure';
import { createSanxiangWorker } from '@sanxiang/workflows/src/worker/create-worker';
import { composeService as composeDirectory } from '@sanxiang/directory';
import { composeService as composeNotifications } from '@sanxiang/notifications';
import { composeService as composeInspection } from '@sanxiang/inspection';
import { composeService as composeDisclosure } from '@sanxiang/disclosure';
import { composeService as composeLegalReview } from '@sanxiang/legal-review';
import { composeService as composeRecording, type TComposedService } from '@sanxiang/recording';
import { composeService as composeIdentity } from '@sanxiang/identity';
import { createConsoleApp, createOidcClient } from '@sanxiang/console';
import { Pool } from 'pg';
import { loadDirectoryDemo } from '../../scripts/demo/load-directory-demo';

/**
 * The whole system in this process, against the real test stack: each service on a fresh, migrated
 * database, built with the same dependencies and background loops as its main.ts, listening on a
 * free port; and the real worker (the real workflow bundle and activities, HTTP clients to the three
 * services with a system token) on a task queue of its own, which the services use to start and
 * signal lifecycles. Nothing is stubbed.
 */
export interface TInProcessSystemOptions {
  /**
   * Also the local identity provider (services/identity), with the demo directory loaded; every
   * service then accepts its tokens through its JWKS, as under `npm start`. Default false.
   */
  identity?: boolean;
  /**
   * Also the staff console server, signing people in at that provider (implies identity);
   * `calendarDir`: where its 日历 page imports years (default the stack's, shared with the worker).
   */
  console?: { staticDir?: string; calendarDir?: string } | boolean;
  /** The Temporal worker (default true); sign-in tests that start no case need none. */
  worker?: boolean;
}

export interface TInProcessSystem {
  urls: {
    recording: string;
    legalReview: string;
    disclosure: string;
    directory: string;
    /** With `identity` (or `console`): the provider's issuer URL. */
    identity?: string;
    /** With `console`: the console's own URL. */
    console?: string;
    notifications: string;
    inspection: string;
  };
  /** Each service's database (fresh for this run): tests count rows there independently of the code. */
  databaseUrls: { recording: string; legalReview: string; disclosure: string; inspection: string };
  /** With `identity`: the one password of every demo account. */
  demoPassword: string;
  /** The recording service's database, for assertions on its audit trail and upload parts. */
  recordingDatabaseUrl: string;
  taskQueue: string;
  /** A Temporal client for assertions (status query, search attributes). */
  temporal: ReturnType<typeof createTemporalClient>;
  /** Terminates the lifecycles of these cases (they wait for years once published). */
  terminateCases(caseNumbers: string[]): Promise<void>;
  stop(): Promise<void>;
}

/** Evidence is locked this long in the test MinIO (10 minutes), as recording's own tests do. */
export const testRetentionDays = 10 / (24 * 60);

/** A listening server whose handler is set later (a provider must know its own URL first). */
async function reserve(): Promise<{ server: Server; url: string; handle: (h: RequestListener) => void }> {
  let handler: RequestListener = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, url, handle: (h) => (handler = h) };
}

export const TEST_DEMO_PASSWORD = 'demo-password-for-tests';

async function listen(app: Express): Promise<{ server: Server; url: string }> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const close = (server: Server | undefined) =>
  new Promise<void>((resolve) => {
    if (!server) return resolve();
    server.closeAllConnections();
    server.close(() => resolve());
  });

export async function startInProcessSystem(options: TInProcessSystemOptions = {}): Promise<TInProcessSystem> {
  const stack = testStack();
  const withConsole = Boolean(options.console);
  const withIdentity = withConsole || Boolean(options.identity);
  const taskQueue = `e2e-${randomUUID()}`;
  // Errors are logged by default: an unexpected 500 in a busy CI run (seen once in demo-data, a
  // PUT of evidence content) is otherwise a status code without a cause.
  const logLevel = process.env.TEST_LOG_LEVEL ?? 'error';
  const logger = (name: string) => createLogger({ name, level: logLevel });
  // Each process's config is parsed by the real loader from the test stack's environment, with
  // this run's databases, URLs and task queue on top (HTTP_PORT 0: a free port).
  // The worker's service URLs are known only once the apps listen: placeholders here, the real
  // ones go to its service clients below.
  const workerConfig = testConfig('worker', {
    TEMPORAL_TASK_QUEUE: taskQueue,
    SERVICE_URL_DISCLOSURE: 'http://127.0.0.1:9',
    SERVICE_URL_RECORDING: 'http://127.0.0.1:9',
    SERVICE_URL_LEGAL_REVIEW: 'http://127.0.0.1:9',
    SERVICE_URL_INSPECTION: 'http://127.0.0.1:9',
  });
  const calendarDir = resolveCalendarDataDir(workerConfig);
  const token = systemTokenSource({
    secret: stack.authSecret,
    issuer: workerConfig.AUTH_ISSUER,
    audience: workerConfig.AUTH_AUDIENCE,
  });

  const stops: (() => Promise<void> | void)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch {
        // keep stopping the rest
      }
    }
  };

  try {
    const [recordingDb, legalReviewDb, disclosureDb, directoryDb, notificationsDb, inspectionDb] =
      await Promise.all([
        createTestDatabase('recording'),
        createTestDatabase('legal-review'),
        createTestDatabase('disclosure'),
        createTestDatabase('directory'),
        createTestDatabase('notifications'),
        createTestDatabase('inspection'),
      ]);
    const databases: TTestDatabase[] = [
      recordingDb,
      legalReviewDb,
      disclosureDb,
      directoryDb,
      notificationsDb,
      inspectionDb,
    ];
    stops.push(async () => {
      await Promise.all(databases.map((d) => d.drop()));
    });

    // Each service is composed by its own composeService, as its main.ts does, and started the same
    // way: background loops running, listening (here on a free port of 127.0.0.1).
    const startService = async (service: TComposedService) => {
      stops.push(() => service.close());
      stops.push(service.startBackground());
      const listening = await listen(service.app);
      stops.push(() => close(listening.server));
      return listening;
    };

    // The provider's and the console's addresses are needed before anything is composed: the
    // services verify the provider's tokens (AUTH_JWKS_URL), the provider redirects to the console.
    const identitySlot = withIdentity ? await reserve() : undefined;
    const consoleSlot = withConsole ? await reserve() : undefined;
    for (const slot of [identitySlot, consoleSlot]) if (slot) stops.push(() => close(slot.server));
    const jwks: Record<string, string> = identitySlot
      ? { AUTH_JWKS_URL: `${identitySlot.url}/jwks`, AUTH_JWKS_ISSUER: identitySlot.url }
      : {};

    // ---- directory (services/directory/src/main.ts) ----------------------------------------
    const directoryServer = await startService(
      composeDirectory(testConfig('directory', { DATABASE_URL: directoryDb.url, ...jwks }), {
        logger: logger('directory'),
      }),
    );

    // ---- notifications (services/notifications/src/main.ts) --------------------------------
    const notificationsServer = await startService(
      composeNotifications(
        testConfig('notifications', {
          DATABASE_URL: notificationsDb.url,
          ...jwks,
          SMTP_URL: testStack().mail.smtpUrl,
          // Whose board shows everything (heads of leadership units) is asked of the directory.
          SERVICE_URL_DIRECTORY: directoryServer.url,
        }),
        { logger: logger('notifications') },
      ),
    );

    // ---- recording (services/recording/src/main.ts) ----------------------------------------
    const recordingServer = await startService(
      composeRecording(
        testConfig('recording', {
          DATABASE_URL: recordingDb.url,
          ...jwks,
          TEMPORAL_TASK_QUEUE: taskQueue,
          EVIDENCE_RETENTION_DAYS: String(testRetentionDays),
          SERVICE_URL_DIRECTORY: directoryServer.url,
        }),
        { logger: logger('recording') },
      ),
    );

    // ---- inspection (services/inspection/src/main.ts) --------------------------------------
    const inspectionServer = await startService(
      composeInspection(
        testConfig('inspection', {
          DATABASE_URL: inspectionDb.url,
          ...jwks,
          TEMPORAL_TASK_QUEUE: taskQueue,
          SERVICE_URL_DIRECTORY: directoryServer.url,
          SERVICE_URL_RECORDING: recordingServer.url,
        }),
        { logger: logger('inspection') },
      ),
    );

    // ---- legal-review (services/legal-review/src/main.ts) ----------------------------------
    // Composed once recording listens: its recording client goes to the in-process server.
    const legalReviewServer = await startService(
      composeLegalReview(
        testConfig('legal-review', {
          DATABASE_URL: legalReviewDb.url,
          ...jwks,
          TEMPORAL_TASK_QUEUE: taskQueue,
          SERVICE_URL_RECORDING: recordingServer.url,
          SERVICE_URL_DIRECTORY: directoryServer.url,
        }),
        { logger: logger('legal-review') },
      ),
    );

    // ---- disclosure (services/disclosure/src/main.ts) --------------------------------------
    const disclosureServer = await startService(
      composeDisclosure(
        testConfig('disclosure', {
          DATABASE_URL: disclosureDb.url,
          SERVICE_URL_DIRECTORY: directoryServer.url,
          SERVICE_URL_INSPECTION: inspectionServer.url,
          SERVICE_URL_RECORDING: recordingServer.url,
          SERVICE_URL_LEGAL_REVIEW: legalReviewServer.url,
          ...jwks,
          TEMPORAL_TASK_QUEUE: taskQueue,
        }),
        { logger: logger('disclosure') },
      ),
    );

    // ---- identity (services/identity/src/main.ts), on the demo directory ----------------------
    if (identitySlot) {
      await loadDirectoryDemo(directoryServer.url, {
        secret: stack.authSecret,
        issuer: workerConfig.AUTH_ISSUER,
        audience: workerConfig.AUTH_AUDIENCE,
      });
      const identityDb = await createTestDatabase('identity');
      stops.push(() => identityDb.drop());
      const identity = await composeIdentity(
        testConfig('identity', {
          DATABASE_URL: identityDb.url,
          SERVICE_URL_DIRECTORY: directoryServer.url,
          OIDC_ISSUER: identitySlot.url,
          CONSOLE_URL: consoleSlot?.url ?? 'http://127.0.0.1:9',
          OIDC_CONSOLE_CLIENT_SECRET: 'console-client-secret-for-tests',
          OIDC_DEMO_PASSWORD: TEST_DEMO_PASSWORD,
          OIDC_SIGNING_KEY_FILE: path.join(
            mkdtempSync(path.join(os.tmpdir(), 'sanxiang-identity-')),
            'signing-key.json',
          ),
          OIDC_COOKIE_SECRET: randomBytes(24).toString('hex'),
        }),
        { logger: logger('identity') },
      );
      stops.push(() => identity.close());
      identitySlot.handle(identity.app);
    }

    // ---- the staff console (apps/console/server/main.ts) -----------------------------------
    if (identitySlot && consoleSlot) {
      const sessionDb = await createEmptyTestDatabase('console');
      stops.push(() => sessionDb.drop());
      const consoleConfig = testConfig('console', {
        DATABASE_URL: sessionDb.url,
        CONSOLE_URL: consoleSlot.url,
        CONSOLE_SESSION_SECRET: randomBytes(24).toString('hex'),
        OIDC_ISSUER: identitySlot.url,
        OIDC_CONSOLE_CLIENT_SECRET: 'console-client-secret-for-tests',
        SERVICE_URL_RECORDING: recordingServer.url,
        SERVICE_URL_LEGAL_REVIEW: legalReviewServer.url,
        SERVICE_URL_DISCLOSURE: disclosureServer.url,
        SERVICE_URL_DIRECTORY: directoryServer.url,
        SERVICE_URL_NOTIFICATIONS: notificationsServer.url,
        SERVICE_URL_INSPECTION: inspectionServer.url,
      });
      const pool = new Pool({ connectionString: consoleConfig.DATABASE_URL, max: 5 });
      pool.on('error', () => undefined);
      stops.push(() => pool.end());
      const consoleLogger = logger('console');
      const consoleTemporal = createTemporalClient(workerConfig);
      stops.push(() => consoleTemporal.connection.close());
      const consoleApp = createConsoleApp({
        consoleUrl: consoleSlot.url,
        sessionSecret: consoleConfig.CONSOLE_SESSION_SECRET,
        pool,
        oidc: createOidcClient({
          issuer: consoleConfig.OIDC_ISSUER,
          clientSecret: consoleConfig.OIDC_CONSOLE_CLIENT_SECRET,
          consoleUrl: consoleSlot.url,
          logger: consoleLogger,
        }),
        services: {
          recording: consoleConfig.SERVICE_URL_RECORDING,
          'legal-review': consoleConfig.SERVICE_URL_LEGAL_REVIEW,
          disclosure: consoleConfig.SERVICE_URL_DISCLOSURE,
          directory: consoleConfig.SERVICE_URL_DIRECTORY,
          notifications: consoleConfig.SERVICE_URL_NOTIFICATIONS,
          inspection: consoleConfig.SERVICE_URL_INSPECTION,
        },
        healthTargets: { identity: identitySlot.url },
        calendar: {
          dataDir:
            (typeof options.console === 'object' ? options.console.calendarDir : undefined) ?? calendarDir,
          temporal: consoleTemporal.client,
          // Only this run's workflows: the stack's Temporal is shared by every suite.
          andQuery: `TaskQueue = "${taskQueue}"`,
        },
        ...(consoleConfig.TEMPORAL_UI_URL
          ? {
              temporalUi: { url: consoleConfig.TEMPORAL_UI_URL, namespace: consoleConfig.TEMPORAL_NAMESPACE },
            }
          : {}),
        // The public platform is the disclosure service's `/public`, reachable by the test's browser.
        publicPlatformUrl: disclosureServer.url,
        logger: consoleLogger,
        ...(typeof options.console === 'object' && options.console.staticDir
          ? { staticDir: options.console.staticDir }
          : {}),
      });
      stops.push(() => consoleApp.close());
      consoleSlot.handle(consoleApp.app);
    }

    // ---- the worker (workflows/src/worker/main.ts) -----------------------------------------
    const temporal = createTemporalClient(workerConfig);
    stops.push(() => temporal.connection.close());
    if (options.worker !== false) {
      const workflowBundle = await cachedWorkflowBundle(require.resolve('@sanxiang/workflows/src/workflows'));
      const workerConnection = await NativeConnection.connect({ address: workerConfig.TEMPORAL_ADDRESS });
      stops.push(() => workerConnection.close());
      // As main.ts: the disclosure Schedules, on this run's task queue. Schedule ids are global on
      // the shared server, so this run's get a prefix and are deleted again.
      const scheduleIds = await ensureDisclosureSchedules(temporal.client, taskQueue, `${taskQueue}:`);
      stops.push(async () => {
        for (const id of scheduleIds) await temporal.client.schedule.getHandle(id).delete();
      });
      const worker = await createSanxiangWorker({
        connection: workerConnection,
        namespace: workerConfig.TEMPORAL_NAMESPACE,
        taskQueue,
        workflowBundle,
        token,
        codecKeys: workerConfig.TEMPORAL_CODEC_KEYS,
        calendarDir,
        serviceUrls: {
          recording: recordingServer.url,
          legalReview: legalReviewServer.url,
          disclosure: disclosureServer.url,
          directory: directoryServer.url,
          notifications: notificationsServer.url,
          inspection: inspectionServer.url,
        },
        tuning: { maxCachedWorkflows: 200, shutdownGraceTime: '5 seconds' },
      });
      const running = worker.run();
      stops.push(async () => {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
      });
    }

    return {
      urls: {
        recording: recordingServer.url,
        legalReview: legalReviewServer.url,
        disclosure: disclosureServer.url,
        directory: directoryServer.url,
        notifications: notificationsServer.url,
        inspection: inspectionServer.url,
        ...(identitySlot ? { identity: identitySlot.url } : {}),
        ...(consoleSlot ? { console: consoleSlot.url } : {}),
      },
      databaseUrls: {
        recording: recordingDb.url,
        legalReview: legalReviewDb.url,
        disclosure: disclosureDb.url,
        inspection: inspectionDb.url,
      },
      demoPassword: TEST_DEMO_PASSWORD,
      recordingDatabaseUrl: recordingDb.url,
      taskQueue,
      temporal,
      async terminateCases(caseNumbers) {
        for (const caseNumber of caseNumbers) {
          await temporal.client.workflow
            .getHandle(lifecycleWorkflowId(caseNumber))
            .terminate('end-to-end test finished')
            .catch(() => undefined);
        }
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
