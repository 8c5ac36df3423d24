import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { cachedWorkflowBundle } from '@sanxiang/testing';
import { createTimeSkippingEnv } from '../src/testing/time-skipping-env';
import { previousPeriod } from '../src/disclosure/periodic-reports/period';
import { disclosureSchedules, ensureDisclosureSchedules } from '../src/disclosure/periodic-reports/schedules';
import type { TPeriodicReportActivities } from '../src/disclosure/periodic-reports/activities';

// The Schedules against the real Temporal dev server of the test stack (the time-skipping server
// has no Schedules), and the workflow they start in the time-skipping server with a stub activity.

describe('ensureDisclosureSchedules', () => {
  let connection: Connection;
  let client: Client;
  const prefix = `test-${randomUUID().slice(0, 8)}-`;

  beforeAll(async () => {
    const address = process.env.TEMPORAL_ADDRESS;
    if (!address)
      throw new Error('TEMPORAL_ADDRESS is not set: run with the test stack (source .local/test/env.sh)');
    connection = await Connection.connect({ address });
    client = new Client({ connection });
  });

  afterAll(async () => {
    for (const s of disclosureSchedules)
      await client.schedule
        .getHandle(`${prefix}${s.scheduleId}`)
        .delete()
        .catch(() => undefined);
    await connection?.close();
  });

  it('creates the three Schedules in Beijing time, and is safe to repeat', async () => {
    const ids = await ensureDisclosureSchedules(client, 'disclosure-test', prefix);
    expect(await ensureDisclosureSchedules(client, 'disclosure-test', prefix)).toEqual(ids);
    const [monthly, quarterly, yearly] = await Promise.all(
      ids.map((id) => client.schedule.getHandle(id).describe()),
    );
    for (const d of [monthly, quarterly, yearly]) {
      expect(d!.spec.timezone).toBe('Asia/Shanghai');
      expect(d!.action).toMatchObject({
        type: 'startWorkflow',
        workflowType: 'prepareDisclosureReportWorkflow',
        taskQueue: 'disclosure-test',
      });
    }
    expect(monthly!.action.type === 'startWorkflow' && monthly!.action.args).toEqual([
      { kind: 'randomInspectionResults' },
    ]);
    const next = (d: typeof monthly) => d!.info.nextActionTimes.map((t) => t.toISOString());
    // 1st of each month / quarter at 08:00 Beijing (00:00 UTC); 2 January for the yearbook.
    expect(next(monthly).every((t) => /-01T00:00:00.000Z$/u.test(t))).toBe(true);
    expect(next(quarterly).every((t) => /-(01|04|07|10)-01T00:00:00.000Z$/u.test(t))).toBe(true);
    expect(next(yearly).every((t) => /-01-02T00:00:00.000Z$/u.test(t))).toBe(true);
  });
});

describe('prepareDisclosureReportWorkflow', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  }, 120_000);
  afterAll(async () => env?.teardown());

  it('asks the service for the previous period’s draft, idempotently keyed', async () => {
    const calls: Parameters<TPeriodicReportActivities['prepareDisclosureReport']>[0][] = [];
    const activities: TPeriodicReportActivities = {
      prepareDisclosureReport: async (input) => {
        calls.push(input);
        return { disclosureId: 'd-1', status: 'draft', created: true };
      },
    };
    const taskQueue = `reports-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await cachedWorkflowBundle(require.resolve('../src/disclosure/workflows')),
      activities,
    });
    const { result, startTime } = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('prepareDisclosureReportWorkflow', {
        taskQueue,
        workflowId: `report-${randomUUID()}`,
        args: [{ kind: 'creditBlacklist' }],
      });
      return { result: await handle.result(), startTime: (await handle.describe()).startTime };
    });
    const period = previousPeriod('creditBlacklist', startTime);
    expect(calls).toEqual([
      { kind: 'creditBlacklist', period, idempotencyKey: `disclosure-report:creditBlacklist:${period}` },
    ]);
    expect(result).toEqual({ disclosureId: 'd-1', status: 'draft', created: true, period });
  }, 120_000);
});
