import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { loadWorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { temporalDataConverter } from '@sanxiang/shared';
import { createActivities } from '../activities';
import { createServiceClient, type TTokenSource } from '../http/service-client';

/** Base URLs of the services the activities call (SERVICE_URL_* in the worker's config). */
export interface TWorkerServiceUrls {
  recording: string;
  legalReview: string;
  disclosure: string;
  directory: string;
  notifications: string;
  inspection: string;
}

export interface TSanxiangWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  /**
   * Every workflow, bundled once by the caller: main.ts with bundleWorkflowCode at start, the tests
   * with cachedWorkflowBundle (packages/testing), so every workflow (re)load uses the same code.
   */
  workflowBundle: NonNullable<WorkerOptions['workflowBundle']>;
  serviceUrls: TWorkerServiceUrls;
  /** The worker's own `system` token (systemTokenSource over AUTH_JWT_SECRET). */
  token: TTokenSource;
  /** TEMPORAL_CODEC_KEYS: every payload the worker sends is encrypted, every one it reads decrypted. */
  codecKeys: string;
  /** Imported holiday years (resolveCalendarDataDir), read per computation. */
  calendarDir: string | undefined;
  /** Worker tuning a caller may change (tests). */
  tuning?: Pick<WorkerOptions, 'maxCachedWorkflows' | 'shutdownGraceTime'>;
}

/**
 * The one wiring of the worker, used by `workflows/src/worker/main.ts` and the in-process system of
 * the end-to-end tests (test/support/in-process-system.ts): the given workflow bundle and every
 * activity bound to HTTP clients of the services, on one task queue.
 */
export async function createSanxiangWorker(options: TSanxiangWorkerOptions): Promise<Worker> {
  const client = (baseUrl: string) => createServiceClient({ baseUrl, token: options.token });
  const urls = options.serviceUrls;
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowBundle: options.workflowBundle,
    dataConverter: temporalDataConverter({ TEMPORAL_CODEC_KEYS: options.codecKeys }),
    activities: createActivities({
      recording: client(urls.recording),
      legalReview: client(urls.legalReview),
      disclosure: client(urls.disclosure),
      directory: client(urls.directory),
      notifications: client(urls.notifications),
      inspection: client(urls.inspection),
      // Read per computation (a few small files), so an imported holiday year counts at once.
      calendar: () => loadWorkingDayCalendar({ importedDir: options.calendarDir }),
    }),
    // Lifecycles wait for weeks between events, so a cached one is rarely reused soon; 50 still lets
    // a burst of signals to the same few cases avoid replays. Measured (workflows/bench, 10,000 open
    // lifecycles, docs/benchmarks.md): each cached run costs ~2 MiB in the workflow thread (every
    // sandbox evaluates the bundle's modules, zod schemas included), and V8 lets that thread's heap
    // grow to a multiple of its live size before collecting — 200 peaked at 1.6 GiB RSS, 50 stays
    // under 1 GiB. The SDK default (~45% of heap) would suit busier workflows.
    maxCachedWorkflows: 50,
    shutdownGraceTime: '10 seconds',
    ...options.tuning,
  });
}
