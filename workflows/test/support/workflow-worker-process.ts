import { NativeConnection, Worker } from '@temporalio/worker';

/**
 * A workflow worker in its own OS process, for tests that kill a worker and start a replacement
 * (test/e2e/escalations-reach-people.test.ts). Workflow tasks only: the test process keeps the
 * activity worker, so the stubs it asserts on stay in its memory. Prints `ready` once polling.
 * Env: TEMPORAL_ADDRESS, TASK_QUEUE, WORKFLOW_BUNDLE (path of the bundled workflow code).
 */
async function main(): Promise<void> {
  const need = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  const connection = await NativeConnection.connect({ address: need('TEMPORAL_ADDRESS') });
  const worker = await Worker.create({
    connection,
    taskQueue: need('TASK_QUEUE'),
    workflowBundle: { codePath: need('WORKFLOW_BUNDLE') },
    // No sticky queue: Temporal's Java test server keeps handing a killed worker's workflows to
    // its sticky queue (the task is scheduled and never started, and the sticky schedule-to-start
    // timeout does not move them back here), so every task goes to the normal queue and each is
    // replayed from the full history — which is also what a replacement worker does.
    maxCachedWorkflows: 0,
  });
  const running = worker.run();
  process.stdout.write('ready\n');
  await running;
  await connection.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
