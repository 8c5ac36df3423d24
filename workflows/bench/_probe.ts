import { fork } from 'node:child_process';
import path from 'node:path';
import { Client, Connection, WorkflowContinuedAsNewError } from '@temporalio/client';
async function main() {
  const tq = `probe-${Date.now()}`;
  const child = fork(
    path.join(__dirname, 'worker.ts'),
    ['--task-queue', tq, '--max-cached', '200', '--bundle', 'with-baseline'],
    { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  );
  const drafts = new Map<string, number>();
  await new Promise<void>((r) =>
    child.on('message', (m: any) => {
      if (m.type === 'ready') r();
      if (m.type === 'draft') drafts.set(m.caseNumber, performance.now());
    }),
  );
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  const client = new Client({ connection });
  for (let i = 0; i < 4; i++) {
    const cn = `PROBE-${Date.now()}-${i}`;
    const t: [string, number][] = [];
    const t0 = performance.now();
    const mark = (s: string) => t.push([s, performance.now() - t0]);
    const h = await client.workflow.start('benchBaselineWorkflow', {
      workflowId: `probe:${cn}`,
      taskQueue: tq,
      args: [{ caseNumber: cn }],
    });
    mark('start');
    await h.executeUpdate('submitProposal', { args: [{}] });
    mark('upd1');
    await h.executeUpdate('decisionMade', { args: [{}] });
    mark('upd2');
    while (!drafts.has(cn)) await new Promise((r) => setTimeout(r, 5));
    t.push(['draft', drafts.get(cn)! - t0]);
    await h.signal('disclosureApproved', {});
    mark('sig1');
    let run = '';
    try {
      await client.workflow.result(h.workflowId, h.firstExecutionRunId, { followRuns: false });
    } catch (e) {
      run = (e as WorkflowContinuedAsNewError).newExecutionRunId;
    }
    mark('can');
    await client.workflow.getHandle(h.workflowId, run).signal('disclosureWithdrawn', {});
    mark('sig2');
    await client.workflow.result(h.workflowId, run, { followRuns: false });
    mark('done');
    console.log(t.map(([s, ms]) => `${s} ${ms.toFixed(0)}`).join(' | '));
  }
  child.send({ type: 'shutdown' });
  await connection.close();
}
void main();
