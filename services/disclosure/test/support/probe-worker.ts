import { NativeConnection, Worker } from '@temporalio/worker';
import type { Client } from '@temporalio/client';
import { cachedWorkflowBundle, testStack } from '@sanxiang/testing';
import { temporalDataConverter } from '@sanxiang/shared';
import type { TReceivedSignal } from './probe-workflow';

/**
 * An in-process worker running the probe workflow on the harness's own task queue, so a test can
 * start a probe under a case's lifecycle workflow id and read back the signals it received.
 */
export async function startProbeWorker(taskQueue: string) {
  const connection = await NativeConnection.connect({ address: testStack().temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue,
    workflowBundle: await cachedWorkflowBundle(require.resolve('./probe-workflow')),
    dataConverter: temporalDataConverter({ TEMPORAL_CODEC_KEYS: testStack().temporalCodecKeys }),
  });
  const running = worker.run();
  return {
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

export async function startProbe(client: Client, taskQueue: string, workflowId: string) {
  const handle = await client.workflow.start('probeWorkflow', {
    taskQueue,
    workflowId,
    workflowExecutionTimeout: '10 minutes',
  });
  return {
    handle,
    signals: () => handle.query<TReceivedSignal[]>('receivedSignals'),
    /** Polls until `predicate` holds on the received signals (signals are delivered asynchronously). */
    async waitFor(
      predicate: (s: TReceivedSignal[]) => boolean,
      timeoutMs = 15_000,
    ): Promise<TReceivedSignal[]> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const s = await handle.query<TReceivedSignal[]>('receivedSignals');
        if (predicate(s)) return s;
        if (Date.now() > until) throw new Error(`signals not received in time: ${JSON.stringify(s)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async terminate() {
      await handle.terminate('test finished').catch(() => undefined);
    },
  };
}
