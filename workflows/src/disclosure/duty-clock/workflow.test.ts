import { randomUUID } from 'node:crypto';
import { dutyClockWorkflowId, type TDutyClockInput } from '@sanxiang/shared/src/contracts';
import { useClockWorkflowEnv } from '../../../test/support/clock-workflow-env';
import type { TNotifyClockStepInput } from '../../lifecycle/activities/notify-clock-step';
import type { TReportClockEventInput } from '../../lifecycle/activities/report-clock-event';
import type { TRecordEscalationInput } from '../../lifecycle/activities/record-escalation';
import { computeDutyClockWith, type TDutyClockActivities } from './activities';
import { dutyClockStatus, dutyDone, type TDutyClockResult } from './workflow';

// Duties that had no clock get one (issue #13 item 6), in Temporal's time-skipping test server with
// the real calendar and stubbed service calls: each duty reminds, escalates to the unit head and to
// the agency head through `notifyClockStep` (named people, notifications service), shows on the
// board from its start (`reportClockEvent` started / stopped) and stops when the service says done.

const temporal = useClockWorkflowEnv('duty-clock');

function stubs() {
  const recorded: TRecordEscalationInput[] = [];
  const notifications: TNotifyClockStepInput[] = [];
  const events: TReportClockEventInput[] = [];
  const times: number[] = [];
  const activities: TDutyClockActivities & {
    notifyClockStep(input: TNotifyClockStepInput): Promise<{ people: [] }>;
    reportClockEvent(input: TReportClockEventInput): Promise<void>;
    recordEscalation(input: TRecordEscalationInput): Promise<{ escalationId: string }>;
  } = {
    computeDutyClock: async (input) => computeDutyClockWith(temporal.calendar, input),
    notifyClockStep: async (input) => {
      notifications.push(input);
      times.push(Number(await temporal.env.currentTimeMs()));
      return { people: [] };
    },
    reportClockEvent: async (input) => {
      events.push(input);
    },
    recordEscalation: async (input) => {
      recorded.push(input);
      return { escalationId: String(recorded.length) };
    },
  };
  return { notifications, events, times, recorded, activities };
}

const now = async () => new Date(Number(await temporal.env.currentTimeMs()));

async function runDuty(
  input: TDutyClockInput,
  until: (clock: ReturnType<typeof computeDutyClockWith>) => string | null,
) {
  const s = stubs();
  const result = await temporal.run(s.activities, async (taskQueue) => {
    const handle = await temporal.env.client.workflow.start('dutyClockWorkflow', {
      taskQueue,
      workflowId: dutyClockWorkflowId(input.kind, input.subjectId),
      args: [input],
    });
    const clock = computeDutyClockWith(temporal.calendar, input);
    const stopAt = until(clock);
    const target = stopAt ?? clock.secondEscalateAt;
    const wait = Date.parse(target) - Number(await temporal.env.currentTimeMs()) + 60_000;
    if (wait > 0) await temporal.env.sleep(wait);
    else await temporal.env.sleep(5_000);
    await handle.signal(dutyDone, {
      subjectId: 'another',
      doneAt: (await now()).toISOString(),
      outcome: '无关',
    });
    await handle.signal(dutyDone, {
      subjectId: input.subjectId,
      doneAt: (await now()).toISOString(),
      outcome: '已完成',
    });
    const status = await handle.query(dutyClockStatus);
    return { status, result: (await handle.result()) as TDutyClockResult, clock };
  });
  return { ...s, ...result };
}

describe('dutyClocks (issue #13 item 6)', () => {
  it('correctionRepublication (000 §17 “formed or changed”: 7 working days from the change): reminds, escalates twice, tells named people, stops when republished', async () => {
    const start = (await now()).toISOString();
    const input: TDutyClockInput = {
      kind: 'correctionRepublication',
      subjectId: `${randomUUID()}:v1`,
      title: '更正 人社监罚〔2026〕8号',
      link: '/disclosures/x',
      caseNumber: '人社监〔2026〕8号',
      start,
    };
    const { notifications, events, times, result, clock } = await runDuty(input, () => null);
    expect(clock.dueDate).toBe(
      temporal.calendar.addWorkingDays(temporal.calendar.dateInShanghai(start), 7).date,
    );
    const clockKey = `${dutyClockWorkflowId(input.kind, input.subjectId)}:correctionRepublication`;
    expect(notifications.map((n) => [n.level, n.at, n.clockKey, n.kind, n.link, n.caseNumber])).toEqual([
      [0, clock.remindAt, clockKey, 'correctionRepublication', '/disclosures/x', '人社监〔2026〕8号'],
      [1, clock.escalateAt, clockKey, 'correctionRepublication', '/disclosures/x', '人社监〔2026〕8号'],
      [2, clock.secondEscalateAt, clockKey, 'correctionRepublication', '/disclosures/x', '人社监〔2026〕8号'],
    ]);
    notifications.forEach((n, i) => expect(times[i]).toBeGreaterThanOrEqual(Date.parse(n.at)));
    expect(notifications[1]!.reason).toContain('报承办机构负责人督办');
    expect(notifications[0]!.reason).toContain('000 §17');
    // On the board from the start, off it when done.
    expect(events.map((e) => [e.type, e.clockKey, e.dueAt])).toEqual([
      ['started', clockKey, clock.dueAt],
      ['stopped', clockKey, clock.dueAt],
    ]);
    expect(result).toMatchObject({ level: 2, onTime: false, outcome: '已完成' });
  });

  it('correctionRequest (003 (七), 004 §17: a public correction request, 10 working days) escalates like every clock and stops on the answer', async () => {
    const input: TDutyClockInput = {
      kind: 'correctionRequest',
      subjectId: randomUUID(),
      title: '更正申请 GZ-AAAA-BBBB-CCCC',
      link: '/correction-requests/x',
      caseNumber: null,
      start: (await now()).toISOString(),
    };
    // Answered after the reminder, before the due date: reminded only, on time.
    const { notifications, events, result } = await runDuty(input, (c) => c.remindAt);
    expect(notifications.map((n) => n.level)).toEqual([0]);
    expect(events.map((e) => e.type)).toEqual(['started', 'stopped']);
    expect(result).toMatchObject({ level: 0, onTime: true });
  });

  it('withdrawal (004 §14 “及时撤下”: a configured period, default 3 working days) counts from the revoking document and catches up when it is old', async () => {
    const input: TDutyClockInput = {
      kind: 'withdrawal',
      subjectId: randomUUID(),
      title: '撤下 人社监罚〔2026〕9号',
      link: '/disclosures/y',
      caseNumber: null,
      // Revoked weeks ago: every step is due at once.
      start: '2026-01-05',
      workingDays: 5,
    };
    const { notifications, clock, result } = await runDuty(input, () => '2000-01-01T00:00:00Z');
    expect(clock.dueDate).toBe(temporal.calendar.addWorkingDays('2026-01-05', 5).date);
    expect(notifications.map((n) => [n.level, n.dueDate])).toEqual([
      [0, clock.dueDate],
      [1, clock.dueDate],
      [2, clock.dueDate],
    ]);
    expect(result).toMatchObject({ level: 2, onTime: false });
  });

  it('annualStatisticsPublication (002 4(5): published by 10 January) is due on the day the table fixes', async () => {
    const year = (await now()).getUTCFullYear() + 1;
    const input: TDutyClockInput = {
      kind: 'annualStatisticsPublication',
      subjectId: String(year - 1),
      title: `${year - 1} 年度行政执法统计年报`,
      link: '/disclosures/z',
      caseNumber: null,
      dueYear: year,
    };
    const { notifications, clock, result } = await runDuty(input, (c) => c.escalateAt);
    expect(clock.dueDate).toBe(`${year}-01-10`);
    // End of 10 January in Shanghai.
    expect(clock.dueAt).toBe(`${year}-01-10T16:00:00.000Z`);
    expect(notifications.map((n) => n.level)).toEqual([0, 1]);
    expect(result.level).toBe(1);
  });

  it('reviewMaterials (审核办法 §8: materials by the date the office set): escalates at the end of that date to the case officers and their head, kept in the case file; no reminder, no second step (the row names none)', async () => {
    const today = temporal.calendar.dateInShanghai(await now());
    const dueDate = temporal.calendar.addWorkingDays(today, 3).date;
    const input: TDutyClockInput = {
      kind: 'reviewMaterials',
      subjectId: randomUUID(),
      title: '补充送审材料（沈人社监〔2026〕9号 第 1 轮）',
      link: '/reviews/r1',
      caseNumber: '沈人社监〔2026〕9号',
      dueDate,
      assigneeIds: ['u-officer-1', 'u-officer-2'],
      caseFile: {
        workflowId: 'case-lifecycle:x',
        clockId: 'legalReviewMaterials:1:1',
        clock: 'legalReview',
        round: 1,
        cycle: 1,
      },
    };
    const { notifications, recorded, events, clock, result } = await runDuty(
      input,
      (c) => c.secondEscalateAt,
    );
    expect(clock.dueAt).toBe(temporal.calendar.endOfDayInstant(dueDate));
    expect(notifications.map((n) => [n.level, n.at, n.assigneeIds])).toEqual([
      [1, clock.escalateAt, ['u-officer-1', 'u-officer-2']],
    ]);
    expect(recorded).toEqual([
      {
        caseNumber: '沈人社监〔2026〕9号',
        idempotencyKey: `${dutyClockWorkflowId('reviewMaterials', input.subjectId)}:escalation:1`,
        request: {
          workflowId: 'case-lifecycle:x',
          clockId: 'legalReviewMaterials:1:1',
          clock: 'legalReview',
          level: 1,
          notified: { audience: 'unitHead', roles: ['head'], userIds: [] },
          reason: notifications[0]!.reason,
          dueAt: clock.dueAt,
          at: clock.escalateAt,
          round: 1,
          cycle: 1,
        },
      },
    ]);
    expect(notifications[0]!.reason).toContain('审核办法 §8');
    expect(events.map((e) => [e.type, e.assigneeIds])).toEqual([
      ['started', ['u-officer-1', 'u-officer-2']],
      ['stopped', ['u-officer-1', 'u-officer-2']],
    ]);
    expect(result).toMatchObject({ level: 1, onTime: false });
  });
});
