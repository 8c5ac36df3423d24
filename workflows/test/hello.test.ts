import { Worker } from '@temporalio/worker';
import { cachedWorkflowBundle } from '@sanxiang/testing';
import { readFileSync } from 'node:fs';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTimeSkippingEnv } from '../src/testing/time-skipping-env';
import type { THelloActivities } from '../src/hello/fetch-service-health';
import { helloWorkflow } from '../src/hello/workflow';

let env: TestWorkflowEnvironment;
let code: string;
beforeAll(async () => {
  env = await createTimeSkippingEnv();
  code = readFileSync((await cachedWorkflowBundle(require.resolve('../src/workflows'))).codePath, 'utf8');
});
afterAll(async () => {
  await env?.teardown();
});

test('helloWorkflow returns what fetchServiceHealth answered', async () => {
  const urls: string[] = [];
  const activities: THelloActivities = {
    async fetchServiceHealth(url) {
      urls.push(url);
      return { url, status: 200, ok: true, body: { status: 'ok' } };
    },
  };
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: 'hello',
    workflowBundle: { code },
    activities,
  });
  const result = await worker.runUntil(
    env.client.workflow.execute(helloWorkflow, {
      taskQueue: 'hello',
      workflowId: 'hello-1',
      args: ['http://127.0.0.1:3001/health'],
    }),
  );
  expect(result).toEqual({
    url: 'http://127.0.0.1:3001/health',
    status: 200,
    ok: true,
    body: { status: 'ok' },
  });
  expect(urls).toEqual(['http://127.0.0.1:3001/health']);
});
