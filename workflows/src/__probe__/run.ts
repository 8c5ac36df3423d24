import { Worker, bundleWorkflowCode } from '@temporalio/worker';
import { createTimeSkippingEnv } from '../testing/time-skipping-env';
import { TestWorkflowEnvironment } from '@temporalio/testing';
async function main() {
  const t0 = Date.now();
  const reg = process.argv[2] === 'reg';
  const env = reg ? await createTimeSkippingEnv() : await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: '/tmp/probe/jts/temporal-test-server' } } });
  console.log('env up', Date.now() - t0);
  const code = (await bundleWorkflowCode({ workflowsPath: require.resolve('./wf') })).code;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'q', workflowBundle: { code } });
  await worker.runUntil(async () => {
    const h = await env.client.workflow.start('probeWf', { taskQueue: 'q', workflowId: 'p1', workflowIdConflictPolicy: 'USE_EXISTING' });
    const h2 = await env.client.workflow.start('probeWf', { taskQueue: 'q', workflowId: 'p1', workflowIdConflictPolicy: 'USE_EXISTING' });
    console.log('runs', h.firstExecutionRunId, h2.firstExecutionRunId);
    await new Promise((r) => setTimeout(r, 500));
    const d = await h.describe();
    console.log('sa', d.typedSearchAttributes, d.searchAttributes);
    await h.signal('go');
    console.log(await h.result());
  });
  await env.teardown();
}
main().catch((e) => { console.error('ERR', e); process.exit(1); });
