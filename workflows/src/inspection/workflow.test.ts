import { randomUUID } from 'node:crypto';
import {
  inspectionResultsWorkflowId,
  inspectionResultsWorkflowType,
  type TInspectionResultsInput,
} from '@sanxiang/shared/src/contracts';
import { useClockWorkflowEnv } from '../../test/support/clock-workflow-env';
import type { TNotifyClockStepInput } from '../lifecycle/activities/notify-clock-step';
import type { TReportClockEventInput } from '../lifecycle/activities/report-clock-event';
import {
  computeInspectionResultsClockWith,
  type TInspectionActivities,
  type TInspectionEscalation,
  type TInspectionResultsClock,
} from './activities';
import { inspectionResultsStatus, resultsApproved, type TInspectionResultsResult } from './workflow';
import { recordRunHistory } from '../../test/support/lifecycle-harness';

// One random-inspection task's results clock (000 §17; #13 item 4) in Temporal's time-skipping test
// server, with the real calendar and stubbed service calls: 20 working days from the end of the
// inspection, reminder and escalations told through `notifyClockStep`, publication by the workflow
// once the service signals the head's approval (the check and separation of duties are the
// service's: services/inspection/test/results-publication.test.ts).

const temporal = useClockWorkflowEnv('inspection-results');

const nowMs = async () => Number(await temporal.env.currentTimeMs());

function stubs() {
  const clocks: TInspectionResultsClock[] = [];
  const escalations: (TInspectionEscalation & { workflowTime: number })[] = [];
  const notifications: TNotifyClockStepInput[] = [];
  const published: { taskId: string; workflowTime: number }[] = [];
  const events: TReportClockEventInput[] = [];
  const order: string[] = [];
  const activities: TInspectionActivities & {
    notifyClockStep(
      input: TNotifyClockStepInput,
    ): Promise<{ people: { personId: string; name: string; audience: 'assignee'; channels: 'inbox'[] }[] }>;
    reportClockEvent(input: TReportClockEventInput): Promise<void>;
  } = {
    computeInspectionResultsClock: async ({ endDate }) =>
      computeInspectionResultsClockWith(temporal.calendar, endDate),
    recordInspectionResultsClock: async ({ clock }) => {
      clocks.push(clock);
    },
    recordInspectionEscalation: async ({ escalation }) => {
      order.push(`record:${escalation.level}`);
      escalations.push({ ...escalation, workflowTime: await nowMs() });
    },
    notifyClockStep: async (input) => {
      order.push(`notify:${input.level}`);
      notifications.push(input);
      return {
        people: [{ personId: 'p-discloser', name: '许公示', audience: 'assignee', channels: ['inbox'] }],
      };
    },
    reportClockEvent: async (input) => {
      order.push(`event:${input.type}`);
      events.push(input);
    },
    publishInspectionResults: async ({ taskId }) => {
      order.push('publish');
      const workflowTime = await nowMs();
      published.push({ taskId, workflowTime });
      return { publishedAt: new Date(workflowTime).toISOString() };
    },
  };
  return { clocks, escalations, notifications, published, events, order, activities };
}

const start = (taskQueue: string, input: TInspectionResultsInput) =>
  temporal.env.client.workflow.start(inspectionResultsWorkflowType, {
    taskQueue,
    workflowId: inspectionResultsWorkflowId(input.taskId),
    args: [input],
  });

it('counts 20 working days from the end of the inspection, escalates after the due date, publishes once approved', async () => {
  const s = stubs();
  const taskId = randomUUID();
  const endDate = temporal.calendar.dateInShanghai(new Date(await nowMs()));
  const clock = computeInspectionResultsClockWith(temporal.calendar, endDate);
  const result = await temporal.run(s.activities, async (taskQueue) => {
    const handle = await start(taskQueue, { taskId, taskName: '2026年第四季度工资支付检查', endDate });
    await temporal.env.sleep(Date.parse(clock.secondEscalateAt) - (await nowMs()) + 60_000);
    expect(await handle.query(inspectionResultsStatus)).toMatchObject({ level: 2, publishedAt: null });
    expect(s.published).toEqual([]); // nothing is published without the approval
    await handle.signal(resultsApproved, {
      taskId: 'another-task',
      approvedById: 'p-head',
      approvedAt: new Date().toISOString(),
    });
    await temporal.env.sleep(1_000);
    expect(s.published).toEqual([]);
    await handle.signal(resultsApproved, {
      taskId,
      approvedById: 'p-head',
      approvedAt: new Date(await nowMs()).toISOString(),
    });
    const done = (await handle.result()) as TInspectionResultsResult;
    await recordRunHistory(temporal.env.client, handle.workflowId, 'inspection-results');
    return done;
  });
  expect(s.clocks).toEqual([clock]);
  expect(clock.dueDate).toBe(temporal.calendar.addWorkingDays(endDate, 20).date);
  expect(s.escalations.map((e) => [e.level, e.at])).toEqual([
    [0, clock.remindAt],
    [1, clock.escalateAt],
    [2, clock.secondEscalateAt],
  ]);
  for (const e of s.escalations) expect(e.workflowTime).toBeGreaterThanOrEqual(Date.parse(e.at));
  expect(s.escalations[1]!.reason).toContain('报承办机构负责人督办');
  expect(s.escalations[0]!.notifiedNames).toEqual(['许公示']);
  expect(s.notifications).toEqual(
    s.escalations.map((e) => ({
      clockKey: `${inspectionResultsWorkflowId(taskId)}:randomInspectionDisclosure`,
      kind: 'randomInspectionDisclosure',
      level: e.level,
      caseNumber: null,
      caseTitle: '2026年第四季度工资支付检查',
      link: `/inspection/tasks/${taskId}`,
      dueAt: clock.dueAt,
      dueDate: clock.dueDate,
      reason: e.reason,
      at: e.at,
      assigneeIds: [],
    })),
  );
  // On the board and in 我的待办 from the start (patch inspection-report-clock-events) until published.
  expect(s.order).toEqual([
    'event:started',
    'notify:0',
    'record:0',
    'notify:1',
    'record:1',
    'notify:2',
    'record:2',
    'publish',
    'event:stopped',
  ]);
  const board = {
    clockKey: `${inspectionResultsWorkflowId(taskId)}:randomInspectionDisclosure`,
    kind: 'randomInspectionDisclosure',
    caseNumber: null,
    caseTitle: '2026年第四季度工资支付检查',
    link: `/inspection/tasks/${taskId}`,
    dueAt: clock.dueAt,
    dueDate: clock.dueDate,
    assigneeIds: [],
  };
  expect(s.events).toEqual([
    { ...board, type: 'started', at: expect.any(String) },
    { ...board, type: 'stopped', at: expect.any(String) },
  ]);
  expect(Date.parse(s.events[0]!.at)).toBeLessThan(Date.parse(clock.remindAt));
  expect(Date.parse(s.events[1]!.at)).toBeGreaterThan(Date.parse(clock.secondEscalateAt));
  expect(result).toMatchObject({ taskId, level: 2, onTime: false, dueAt: clock.dueAt });
});

it('publishes on the 20th working day at the latest: approved on the due date, no escalation follows', async () => {
  const s = stubs();
  const taskId = randomUUID();
  const endDate = temporal.calendar.dateInShanghai(new Date(await nowMs()));
  const clock = computeInspectionResultsClockWith(temporal.calendar, endDate);
  const result = await temporal.run(s.activities, async (taskQueue) => {
    const handle = await start(taskQueue, { taskId, taskName: '按期公示', endDate });
    // 10:00 Beijing on the due date: reminded, not yet escalated.
    const dueDay10 = Date.parse(`${clock.dueDate}T10:00:00+08:00`);
    await temporal.env.sleep(dueDay10 - (await nowMs()));
    await handle.signal(resultsApproved, {
      taskId,
      approvedById: 'p-head',
      approvedAt: new Date(await nowMs()).toISOString(),
    });
    return (await handle.result()) as TInspectionResultsResult;
  });
  expect(s.escalations.map((e) => e.level)).toEqual([0]);
  expect(s.published).toHaveLength(1);
  expect(s.published[0]!.workflowTime).toBeLessThanOrEqual(Date.parse(clock.dueAt));
  expect(temporal.calendar.dateInShanghai(new Date(s.published[0]!.workflowTime))).toBe(clock.dueDate);
  expect(result).toMatchObject({ level: 0, onTime: true });
});

it('publishes at once, without reminders, when approved before the reminder', async () => {
  const s = stubs();
  const taskId = randomUUID();
  await temporal.run(s.activities, async (taskQueue) => {
    const handle = await start(taskQueue, {
      taskId,
      taskName: '提前公示',
      endDate: temporal.calendar.dateInShanghai(new Date(await nowMs())),
    });
    await handle.signal(resultsApproved, {
      taskId,
      approvedById: 'p-head',
      approvedAt: new Date(await nowMs()).toISOString(),
    });
    return handle.result();
  });
  expect(s.escalations).toEqual([]);
  expect(s.notifications).toEqual([]);
  expect(s.order).toEqual(['event:started', 'publish', 'event:stopped']);
});
