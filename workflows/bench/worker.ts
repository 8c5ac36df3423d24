/**
 * The bench's worker, run by lifecycles.ts as a CHILD process so its memory is measured alone.
 * Same construction as workflows/src/worker/main.ts — the same workflow bundle (built once per
 * source state and reused, `cachedWorkflowBundle`: webpack takes minutes on a loaded machine), one
 * NativeConnection, the same worker options — except that the service activities are instant
 * stubs (bench-activities.ts). Talks to the driver over IPC:
 *   → { type: 'ready', pid, taskQueue, maxCachedWorkflows }
 *   → { type: 'draft', caseNumber } when a disclosure draft was created (the driver then approves it)
 *   ← { type: 'status' } → { type: 'status', worker: WorkerStatus, activities, memory }
 *   ← { type: 'gc' }     → { type: 'gc' } after a full collection (needs --expose-gc)
 *   ← { type: 'shutdown' } → exits once the worker has shut down
 *
 * Args: --task-queue <name> --max-cached <n> --bundle lifecycle|baseline
 */
import { parseArgs } from 'node:util';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { cachedWorkflowBundle } from '@sanxiang/testing';
import { loadWorkingDayCalendar, resolveCalendarDataDir } from '@sanxiang/shared/src/calendar';
import { temporalDataConverter } from '@sanxiang/shared';
import { createBenchActivities } from './bench-activities';

const { values } = parseArgs({
  options: {
    'task-queue': { type: 'string' },
    'max-cached': { type: 'string' },
    bundle: { type: 'string', default: 'lifecycle' },
  },
});

const send = (message: unknown): void => {
  process.send?.(message);
};

async function main(): Promise<void> {
  // The SDK's own INFO lines (worker state changes) would drown the bench's output.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const taskQueue = values['task-queue'];
  const maxCachedWorkflows = Number(values['max-cached']);
  if (!taskQueue || !Number.isInteger(maxCachedWorkflows))
    throw new Error('--task-queue and --max-cached are required');
  const address = process.env.TEMPORAL_ADDRESS;
  if (!address) throw new Error('TEMPORAL_ADDRESS is not set (source .local/test/env.sh)');
  // The real bundle entry, unchanged; or the baseline alone (its bundle carries nothing else).
  const workflowsPath =
    values.bundle === 'baseline'
      ? require.resolve('./baseline-workflow')
      : require.resolve('../src/workflows');

  const importedDir = resolveCalendarDataDir(process.env);
  const { activities, counts } = createBenchActivities(
    () => loadWorkingDayCalendar({ importedDir }),
    (caseNumber) => send({ type: 'draft', caseNumber }),
  );
  const workflowBundle = await cachedWorkflowBundle(workflowsPath);
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue,
    workflowBundle,
    activities,
    // As in production: every payload through the codec (its cost is part of what is measured).
    dataConverter: temporalDataConverter({ TEMPORAL_CODEC_KEYS: process.env.TEMPORAL_CODEC_KEYS ?? '' }),
    // As in workflows/src/worker/main.ts (the driver reads the value from there unless overridden).
    maxCachedWorkflows,
    shutdownGraceTime: '10 seconds',
  });

  process.on('message', (message: { type?: string }) => {
    if (message.type === 'status') {
      send({
        type: 'status',
        worker: worker.getStatus(),
        activities: { ...counts },
        memory: process.memoryUsage(),
      });
    } else if (message.type === 'gc') {
      (globalThis as { gc?: () => void }).gc?.();
      send({ type: 'gc' });
    } else if (message.type === 'shutdown') {
      worker.shutdown();
    }
  });
  process.on('disconnect', () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
  });

  const running = worker.run();
  send({ type: 'ready', pid: process.pid, taskQueue, maxCachedWorkflows });
  try {
    await running;
  } finally {
    await connection.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench worker failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
