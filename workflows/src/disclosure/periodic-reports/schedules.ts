import {
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleOptions,
} from '@temporalio/client';
import {
  prepareDisclosureReportWorkflowType,
  type TDisclosureReportKind,
} from '@sanxiang/shared/src/contracts';
import type { TPrepareDisclosureReportInput } from './workflow';

export interface TDisclosureScheduleSpec {
  scheduleId: string;
  kind: TDisclosureReportKind;
  note: string;
  /** Calendar spec in Asia/Shanghai. */
  calendar: { month?: { start: number; end?: number; step?: number }; dayOfMonth: number; hour: number };
}

/**
 * The three disclosure Schedules. Runs prepare drafts early enough for review before the deadlines:
 * - random-inspection results: 1st of every month (results due within 20 working days, 000 §17);
 * - credit blacklist: 1st day of each quarter (published quarterly, 004 §13);
 * - annual statistics: 2 January (published by 10 January, 002 §4(5); internal report by 31 January).
 */
export const disclosureSchedules: TDisclosureScheduleSpec[] = [
  {
    scheduleId: 'disclosure-random-inspection-results',
    kind: 'randomInspectionResults',
    note: '随机抽查结果公示（月度）',
    calendar: { dayOfMonth: 1, hour: 8 },
  },
  {
    scheduleId: 'disclosure-credit-blacklist',
    kind: 'creditBlacklist',
    note: '失信惩戒名单公示（季度）',
    calendar: { month: { start: 1, end: 10, step: 3 }, dayOfMonth: 1, hour: 8 },
  },
  {
    scheduleId: 'disclosure-annual-statistics',
    kind: 'annualStatistics',
    note: '行政执法统计年报（年度）',
    calendar: { month: { start: 1, end: 1 }, dayOfMonth: 2, hour: 8 },
  },
];

const monthNames = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
] as const;

export function scheduleOptions(
  spec: TDisclosureScheduleSpec,
  taskQueue: string,
  idPrefix = '',
): ScheduleOptions {
  const months = spec.calendar.month;
  const args: [TPrepareDisclosureReportInput] = [{ kind: spec.kind }];
  return {
    scheduleId: `${idPrefix}${spec.scheduleId}`,
    spec: {
      calendars: [
        {
          ...(months
            ? {
                month: {
                  start: monthNames[months.start - 1]!,
                  end: monthNames[(months.end ?? months.start) - 1]!,
                  step: months.step ?? 1,
                },
              }
            : {}),
          dayOfMonth: spec.calendar.dayOfMonth,
          hour: spec.calendar.hour,
          minute: 0,
          second: 0,
          comment: spec.note,
        },
      ],
      timezone: 'Asia/Shanghai',
    },
    action: {
      type: 'startWorkflow',
      workflowType: prepareDisclosureReportWorkflowType,
      taskQueue,
      args,
      workflowId: `${idPrefix}${spec.scheduleId}-run`,
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '7 days' },
    memo: { note: spec.note },
  };
}

/**
 * Creates the Schedules, or brings existing ones up to date: safe to call at every worker start.
 * `idPrefix` lets tests use their own Schedules.
 */
export async function ensureDisclosureSchedules(
  client: Client,
  taskQueue: string,
  idPrefix = '',
): Promise<string[]> {
  const ids: string[] = [];
  for (const spec of disclosureSchedules) {
    const options = scheduleOptions(spec, taskQueue, idPrefix);
    try {
      await client.schedule.create(options);
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
      await client.schedule.getHandle(options.scheduleId).update((previous) => ({
        ...previous,
        spec: options.spec,
        action: options.action,
        policies: options.policies,
      }));
    }
    ids.push(options.scheduleId);
  }
  return ids;
}
