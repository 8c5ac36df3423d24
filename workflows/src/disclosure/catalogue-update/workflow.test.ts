import { randomUUID } from 'node:crypto';
import { useClockWorkflowEnv } from '../../../test/support/clock-workflow-env';
import { computeCatalogueClockWith, type TCatalogueClock, type TCatalogueEscalation } from './activities';
import type { TCatalogueUpdateActivities } from './activities';
import type { TNotifyClockStepInput } from '../../lifecycle/activities/notify-clock-step';
import type { TReportClockEventInput } from '../../lifecycle/activities/report-clock-event';
import { catalogueChangeCompleted, catalogueUpdateStatus, type TCatalogueUpdateResult } from './workflow';
import { recordRunHistory } from '../../../test/support/lifecycle-harness';

// The 20-working-day catalogue-update clock in Temporal's time-skipping test server, with the real
// calendar and stubbed service calls: reminder, escalations (each told to the notifications service
// through the lifecycle's `notifyClockStep`), completion.

const temporal = useClockWorkflowEnv('catalogue-update');

function stubs() {
  const clocks: TCatalogueClock[] = [];
  const escalations: (TCatalogueEscalation & { workflowTime: number })[] = [];
  const notifications: TNotifyClockStepInput[] = [];
  const events: (TReportClockEventInput & { workflowTime: number })[] = [];
  const order: string[] = [];
  const activities: TCatalogueUpdateActivities & {
    notifyClockStep(input: TNotifyClockStepInput): Promise<{ people: [] }>;
    reportClockEvent(input: TReportClockEventInput): Promise<void>;
  } = {
    computeCatalogueClock: async ({ effectiveDate }) =>
      computeCatalogueClockWith(temporal.calendar, effectiveDate),
    recordCatalogueClock: async ({ clock }) => {
      clocks.push(clock);
    },
    recordCatalogueEscalation: async ({ escalation }) => {
      order.push(`record:${escalation.level}`);
      escalations.push({ ...escalation, workflowTime: Number(await temporal.env.currentTimeMs()) });
      return { escalationId: String(escalations.length) };
    },
    notifyClockStep: async (input) => {
      order.push(`notify:${input.level}`);
      notifications.push(input);
      return { people: [] };
    },
    reportClockEvent: async (input) => {
      order.push(`event:${input.type}`);
      events.push({ ...input, workflowTime: Number(await temporal.env.currentTimeMs()) });
    },
  };
  return { clocks, escalations, notifications, events, order, activities };
}

const shanghaiToday = async () =>
  temporal.calendar.dateInShanghai(new Date(Number(await temporal.env.currentTimeMs())));

it('reminds, escalates twice, and reports a late completion', async () => {
  const { clocks, escalations, notifications, events, order, activities } = stubs();
  const effectiveDate = await shanghaiToday();
  const changeId = randomUUID();
  const result = await temporal.run(activities, async (taskQueue) => {
    const handle = await temporal.env.client.workflow.start('catalogueUpdateWorkflow', {
      taskQueue,
      workflowId: `catalogue-update:${changeId}`,
      args: [{ changeId, title: '《劳动保障监察条例》修订', effectiveDate }],
    });
    const expected = computeCatalogueClockWith(temporal.calendar, effectiveDate);
    await temporal.env.sleep(
      Date.parse(expected.secondEscalateAt) - Number(await temporal.env.currentTimeMs()) + 60_000,
    );
    expect((await handle.query(catalogueUpdateStatus)).level).toBe(2);
    await handle.signal(catalogueChangeCompleted, {
      changeId: 'someone-else',
      completedAt: new Date().toISOString(),
    });
    await handle.signal(catalogueChangeCompleted, {
      changeId,
      completedAt: new Date(Number(await temporal.env.currentTimeMs())).toISOString(),
    });
    const done = (await handle.result()) as TCatalogueUpdateResult;
    await recordRunHistory(temporal.env.client, handle.workflowId, 'catalogue-update');
    return done;
  });
  const clock = computeCatalogueClockWith(temporal.calendar, effectiveDate);
  expect(clocks).toEqual([clock]);
  expect(clock.dueDate).toBe(temporal.calendar.addWorkingDays(effectiveDate, 20).date);
  expect(escalations.map((e) => [e.level, e.notified.audience, e.at])).toEqual([
    [0, 'assignee', clock.remindAt],
    [1, 'unitHead', clock.escalateAt],
    [2, 'agencyHead', clock.secondEscalateAt],
  ]);
  for (const e of escalations) expect(e.workflowTime).toBeGreaterThanOrEqual(Date.parse(e.at));
  expect(escalations[1]!.reason).toContain('报承办机构负责人督办');
  // Each fired level told once: the disclosure office (no named assignee), then its head, then
  // the agency head — resolved by notifyClockStep through the directory.
  expect(notifications).toEqual(
    escalations.map((e) => ({
      clockKey: `catalogue-update:${changeId}:catalogueUpdate`,
      kind: 'catalogueUpdate',
      level: e.level,
      caseNumber: null,
      caseTitle: '《劳动保障监察条例》修订',
      link: `/catalogue-changes/${changeId}`,
      dueAt: clock.dueAt,
      dueDate: clock.dueDate,
      reason: e.reason,
      at: e.at,
      assigneeIds: [],
    })),
  );
  // Told before the escalation is recorded, as the lifecycle does.
  // On the board and in 我的待办 from the start until completed (patch catalogue-report-clock-events).
  expect(order).toEqual([
    'event:started',
    'notify:0',
    'record:0',
    'notify:1',
    'record:1',
    'notify:2',
    'record:2',
    'event:stopped',
  ]);
  const board = {
    clockKey: `catalogue-update:${changeId}:catalogueUpdate`,
    kind: 'catalogueUpdate',
    caseNumber: null,
    caseTitle: '《劳动保障监察条例》修订',
    link: `/catalogue-changes/${changeId}`,
    dueAt: clock.dueAt,
    dueDate: clock.dueDate,
    assigneeIds: [],
  };
  expect(events.map(({ workflowTime: _, ...e }) => e)).toEqual([
    { ...board, type: 'started', at: expect.any(String) },
    { ...board, type: 'stopped', at: expect.any(String) },
  ]);
  expect(Date.parse(events[0]!.at)).toBeLessThan(Date.parse(clock.remindAt));
  // The stop at the completion (workflow time), after the second escalation.
  expect(Date.parse(events[1]!.at)).toBeGreaterThan(Date.parse(clock.secondEscalateAt));
  expect(result).toMatchObject({ changeId, level: 2, onTime: false });
});

it('stops after the reminder when the entries are updated in time', async () => {
  const { escalations, notifications, events, activities } = stubs();
  const effectiveDate = await shanghaiToday();
  const changeId = randomUUID();
  const clock = computeCatalogueClockWith(temporal.calendar, effectiveDate);
  const result = await temporal.run(activities, async (taskQueue) => {
    const handle = await temporal.env.client.workflow.start('catalogueUpdateWorkflow', {
      taskQueue,
      workflowId: `catalogue-update:${changeId}`,
      args: [{ changeId, title: '职能调整', effectiveDate }],
    });
    await temporal.env.sleep(
      Date.parse(clock.remindAt) - Number(await temporal.env.currentTimeMs()) + 60_000,
    );
    await handle.signal(catalogueChangeCompleted, {
      changeId,
      completedAt: new Date(Number(await temporal.env.currentTimeMs())).toISOString(),
    });
    return (await handle.result()) as TCatalogueUpdateResult;
  });
  expect(escalations.map((e) => e.level)).toEqual([0]);
  expect(notifications.map((n) => [n.level, n.at])).toEqual([[0, clock.remindAt]]);
  // Off the board once completed.
  expect(events.map((e) => e.type)).toEqual(['started', 'stopped']);
  expect(result).toMatchObject({ level: 0, onTime: true });
});

it('never escalates what was done before the reminder, and catches up on a past effective date', async () => {
  const first = stubs();
  const changeId = randomUUID();
  await temporal.run(first.activities, async (taskQueue) => {
    const handle = await temporal.env.client.workflow.start('catalogueUpdateWorkflow', {
      taskQueue,
      workflowId: `catalogue-update:${changeId}`,
      args: [{ changeId, title: '规章废止', effectiveDate: await shanghaiToday() }],
    });
    await handle.signal(catalogueChangeCompleted, {
      changeId,
      completedAt: new Date(Number(await temporal.env.currentTimeMs())).toISOString(),
    });
    return handle.result();
  });
  expect(first.escalations).toEqual([]);
  expect(first.notifications).toEqual([]);

  const late = stubs();
  const pastId = randomUUID();
  await temporal.run(late.activities, async (taskQueue) => {
    const handle = await temporal.env.client.workflow.start('catalogueUpdateWorkflow', {
      taskQueue,
      workflowId: `catalogue-update:${pastId}`,
      args: [{ changeId: pastId, title: '登记迟延的修订', effectiveDate: '2026-01-05' }],
    });
    await temporal.env.sleep(5_000);
    expect((await handle.query(catalogueUpdateStatus)).level).toBe(2);
    await handle.signal(catalogueChangeCompleted, {
      changeId: pastId,
      completedAt: new Date(Number(await temporal.env.currentTimeMs())).toISOString(),
    });
    return handle.result();
  });
  expect(late.escalations.map((e) => e.level)).toEqual([0, 1, 2]);
  expect(late.notifications.map((n) => n.level)).toEqual([0, 1, 2]);
});
