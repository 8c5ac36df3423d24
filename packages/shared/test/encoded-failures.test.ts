/**
 * Failure messages in Temporal histories are encrypted like the payloads (failure-converter.ts,
 * issue #16): an activity's failure (converted by the worker) and a workflow's own failure (converted
 * inside the bundle) reach the server as "Encoded failure", their message and stack trace inside the
 * encrypted `encodedAttributes`; a client with the keys still reads the message.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { cachedWorkflowBundle, testStack } from '@sanxiang/testing';
import { payloadKeyId, temporalDataConverter } from '../src/temporal/payload-codec';

it('stores failure messages encrypted, and clients with the keys read them', async () => {
  const address = testStack().temporalAddress;
  const dataConverter = temporalDataConverter({ TEMPORAL_CODEC_KEYS: testStack().temporalCodecKeys });
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, dataConverter });
  const workerConnection = await NativeConnection.connect({ address });
  const taskQueue = `failures-${randomUUID()}`;
  const secret = `当事人王建国 320402199001017818 ${randomUUID()}`;
  const worker = await Worker.create({
    connection: workerConnection,
    taskQueue,
    workflowBundle: await cachedWorkflowBundle(require.resolve('./support/failing-workflow')),
    activities: {
      failWith: (message: string) => {
        throw ApplicationFailure.nonRetryable(message, 'ProbeActivityFailure');
      },
    },
    dataConverter,
  });
  try {
    const workflowId = `failures-${randomUUID()}`;
    const error = await worker.runUntil(
      client.workflow.execute('failingProbeWorkflow', { taskQueue, workflowId, args: [secret] }).then(
        () => undefined,
        (err: unknown) => err,
      ),
    );
    // Read back through the codec: the messages are there.
    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect((error as WorkflowFailedError).cause?.message).toBe(`workflow: ${secret}`);

    // Straight from the server: no failure carries the secret, each is encoded and encrypted.
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    const raw = JSON.stringify(history);
    expect(raw).not.toContain('王建国');
    expect(raw).not.toContain('320402199001017818');
    const failures = (history.events ?? []).flatMap((e) => [
      e.activityTaskFailedEventAttributes?.failure,
      e.workflowExecutionFailedEventAttributes?.failure,
    ]);
    const present = failures.filter((f) => f !== null && f !== undefined);
    expect(present).toHaveLength(2);
    for (const f of present) {
      expect(f.message).toBe('Encoded failure');
      expect(f.stackTrace ?? '').toBe('');
      expect(payloadKeyId(f.encodedAttributes!)).toBeTruthy();
    }
  } finally {
    await workerConnection.close();
    await connection.close();
  }
});
