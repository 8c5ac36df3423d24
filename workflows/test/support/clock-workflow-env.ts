import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { cachedWorkflowBundle } from '@sanxiang/testing';
import { loadWorkingDayCalendar, type WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { createTimeSkippingEnv } from '../../src/testing/time-skipping-env';

export interface TClockWorkflowEnv {
  /** Temporal's time-skipping test server (set in `beforeAll`). */
  readonly env: TestWorkflowEnvironment;
  /** The real working-day calendar, as the activities compute clocks with. */
  readonly calendar: WorkingDayCalendar;
  /** The test server's (skipped) time. */
  nowMs(): Promise<number>;
  /** Runs `fn` while a worker with these (stubbed) activities serves a fresh task queue. */
  run<T>(activities: object, fn: (taskQueue: string) => Promise<T>): Promise<T>;
}

/**
 * The one set-up of the single-clock workflows' tests (catalogue update, inspection results,
 * duties): a time-skipping server, the bundled workflow code and the real calendar for the file,
 * and a worker per test on its own task queue with the test's stubbed activities.
 */
export function useClockWorkflowEnv(taskQueuePrefix: string): TClockWorkflowEnv {
  let env: TestWorkflowEnvironment | undefined;
  let bundle: { codePath: string } | undefined;
  let calendar: WorkingDayCalendar | undefined;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    bundle = await cachedWorkflowBundle(require.resolve('../../src/workflows'));
    calendar = await loadWorkingDayCalendar({});
  }, 180_000);

  afterAll(async () => {
    await env?.teardown();
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is set in beforeAll`);
    return value;
  };

  return {
    get env() {
      return ready(env, 'env');
    },
    get calendar() {
      return ready(calendar, 'calendar');
    },
    async nowMs() {
      return Number(await ready(env, 'env').currentTimeMs());
    },
    async run(activities, fn) {
      const taskQueue = `${taskQueuePrefix}-${randomUUID()}`;
      const worker = await Worker.create({
        connection: ready(env, 'env').nativeConnection,
        taskQueue,
        workflowBundle: ready(bundle, 'bundle'),
        activities,
      });
      return worker.runUntil(fn(taskQueue));
    },
  };
}
