import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { cachedWorkflowBundle, testStack } from '@sanxiang/testing';
import { temporalDataConverter } from '../src/temporal/payload-codec';
import { signalProvisionalWorkflows } from '../src/cli/steps/signal-provisional-workflows';

it('signals running workflows with provisional deadlines, and only those', async () => {
  const address = testStack().temporalAddress;
  const connection = await Connection.connect({ address });
  const dataConverter = temporalDataConverter({ TEMPORAL_CODEC_KEYS: testStack().temporalCodecKeys });
  const client = new Client({ connection, dataConverter });
  const workerConnection = await NativeConnection.connect({ address });
  const taskQueue = `probe-${randomUUID()}`;
  const worker = await Worker.create({
    connection: workerConnection,
    taskQueue,
    workflowBundle: await cachedWorkflowBundle(require.resolve('./support/probe-workflow')),
    dataConverter,
  });
  const out: string[] = [];
  try {
    await worker.runUntil(async () => {
      const start = (provisional: boolean) =>
        client.workflow.start('provisionalProbeWorkflow', {
          taskQueue,
          workflowId: `probe-${randomUUID()}`,
          searchAttributes: { ProvisionalDeadline: [provisional] },
        });
      const provisional = await start(true);
      const firm = await start(false);
      // Visibility is eventually consistent: wait until the list query sees the new run.
      for (let i = 0; i < 100; i++) {
        const seen = await client.workflow.count(
          `ProvisionalDeadline = true AND WorkflowId = "${provisional.workflowId}"`,
        );
        if (seen.count > 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await signalProvisionalWorkflows.run(
        { year: 2027, file: '2027.json', replaced: false, offDays: 0, makeUpWorkdays: 0 },
        { out: (l) => out.push(l), err: () => undefined, env: { ...process.env, TEMPORAL_ADDRESS: address } },
      );
      const received = (await provisional.result()) as { years: number[] }[];
      expect(received[0]?.years).toEqual([2027]);
      expect(await firm.query<unknown[]>('received')).toEqual([]);
      await firm.terminate('test done');
    });
  } finally {
    await workerConnection.close();
    await connection.close();
  }
  expect(out.join('\n')).toMatch(/已通知 \d+ 个含临时期限的流程/);
});
