import {
  defineQuery,
  defineSignal,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { escalationText } from '@sanxiang/shared/src/clocks';
import {
  INSPECTION_RESULTS_WORKING_DAYS,
  inspectionResultsQueries,
  inspectionResultsSignals,
  type TInspectionResultsInput,
  type TResultsApproved,
} from '@sanxiang/shared/src/contracts';
import { deadlineClock } from '../clocks/workflow/deadline-clock';
import type {
  TNotifyClockStepInput,
  TNotifyClockStepResult,
} from '../lifecycle/activities/notify-clock-step';
import type { TReportClockEventInput } from '../lifecycle/activities/report-clock-event';
import type { TInspectionActivities, TInspectionResultsClock } from './activities';
import { SERVICE_RETRY_CAP_PATCH } from '../service-retry';

export interface TInspectionResultsStatus {
  taskId: string;
  clock: TInspectionResultsClock | null;
  /** -1 none yet, 0 reminded, 1 escalated to the unit head, 2 to the agency head. */
  level: number;
  approvedAt: string | null;
  publishedAt: string | null;
}

export interface TInspectionResultsResult {
  taskId: string;
  publishedAt: string;
  dueAt: string;
  onTime: boolean;
  level: number;
}

export const resultsApproved = defineSignal<[TResultsApproved]>(inspectionResultsSignals.resultsApproved);
export const inspectionCalendarUpdated = defineSignal<[unknown]>(inspectionResultsSignals.calendarUpdated);
export const inspectionResultsStatus = defineQuery<TInspectionResultsStatus>(inspectionResultsQueries.status);

/**
 * `patched()` id of putting the clock on the supervision board and in 我的待办 from its start to the
 * publication (`reportClockEvent`, issue 11); runs from before it are never on the board.
 */
export const INSPECTION_CLOCK_EVENTS_PATCH = 'inspection-report-clock-events';

type TActs = TInspectionActivities & {
  notifyClockStep(input: TNotifyClockStepInput): Promise<TNotifyClockStepResult>;
  reportClockEvent(input: TReportClockEventInput): Promise<void>;
};

// As the lifecycle's service calls: retried without limit, a service outage only delays; backing
// off to at most 30 s behind the lifecycle's patch id (SERVICE_RETRY_CAP_PATCH: runs that scheduled
// their calls before keep 5 minutes).
const actsBefore = proxyActivities<TActs>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
const actsCapped = proxyActivities<TActs>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});
const acts: TActs = new Proxy(actsCapped, {
  get: (capped, name) => (patched(SERVICE_RETRY_CAP_PATCH) ? capped : actsBefore)[name as keyof TActs],
});

/**
 * One random-inspection task's results clock (000 §17, 003 (六); #13 item 4): the results are due
 * 20 working days after the inspection ends (clock table `randomInspectionDisclosure`). As every
 * clock: a reminder to the disclosure office two working days before, an escalation to its head at
 * the due instant and to the agency head three working days later, each told to the people through
 * the lifecycle's `notifyClockStep`. The service signals `resultsApproved` once the results were
 * checked and a head approved them (neither one of the task's inspectors, the service enforces);
 * the workflow then publishes them, which stops the clock. Every instant comes from an activity.
 */
export async function inspectionResultsWorkflow(
  input: TInspectionResultsInput,
): Promise<TInspectionResultsResult> {
  const { workflowId } = workflowInfo();
  // Decided once, before the first command: a run started before the patch never reports.
  const reportsEvents = patched(INSPECTION_CLOCK_EVENTS_PATCH);
  const clockKey = `${workflowId}:randomInspectionDisclosure`;
  const link = `/inspection/tasks/${encodeURIComponent(input.taskId)}`;
  let approved: TResultsApproved | undefined;
  const done: { publishedAt?: string } = {};

  const event = (
    type: 'started' | 'stopped',
    c: TInspectionResultsClock,
    at: string,
  ): TReportClockEventInput => ({
    type,
    clockKey,
    kind: 'randomInspectionDisclosure',
    caseNumber: null,
    caseTitle: input.taskName,
    link,
    dueAt: c.dueAt,
    dueDate: c.dueDate,
    at,
    assigneeIds: [],
  });
  const deadline = deadlineClock<TInspectionResultsClock>({
    compute: () => acts.computeInspectionResultsClock({ endDate: input.endDate }),
    async onSet(clock) {
      await acts.recordInspectionResultsClock({
        taskId: input.taskId,
        idempotencyKey: `${workflowId}:clock:${clock.dueAt}`,
        clock,
      });
      // On the board and in 我的待办 (the disclosure office's staff, resolved by the activity).
      if (reportsEvents)
        await acts.reportClockEvent(event('started', clock, new Date(Date.now()).toISOString()));
    },
    async onStep(level, clock, at) {
      const reason = `随机抽查任务“${input.taskName}”的检查结果应于抽查结束之日起 ${INSPECTION_RESULTS_WORKING_DAYS} 个工作日内公示（截止 ${clock.dueDate}）：${escalationText[level]}`;
      const told = await acts.notifyClockStep({
        clockKey,
        kind: 'randomInspectionDisclosure',
        level,
        caseNumber: null,
        caseTitle: input.taskName,
        link,
        dueAt: clock.dueAt,
        dueDate: clock.dueDate,
        reason,
        at,
        assigneeIds: [],
      });
      await acts.recordInspectionEscalation({
        taskId: input.taskId,
        idempotencyKey: `${workflowId}:escalation:${level}:${at}`,
        escalation: {
          level,
          reason,
          dueAt: clock.dueAt,
          at,
          notifiedNames: told.people.map((p) => p.name),
        },
      });
    },
  });

  setHandler(resultsApproved, (p) => {
    if (p?.taskId === input.taskId && typeof p.approvedAt === 'string') approved ??= p;
  });
  setHandler(inspectionCalendarUpdated, () => deadline.calendarUpdated());
  setHandler(inspectionResultsStatus, () => ({
    taskId: input.taskId,
    clock: deadline.clock,
    level: deadline.level,
    approvedAt: approved?.approvedAt ?? null,
    publishedAt: done.publishedAt ?? null,
  }));

  const { clock: final, level } = await deadline.runUntil(() => approved !== undefined);
  const published = await acts.publishInspectionResults({
    taskId: input.taskId,
    idempotencyKey: `${workflowId}:publish`,
    workflowId,
  });
  done.publishedAt = published.publishedAt;
  const { publishedAt } = published;
  // Workflow time, never before the start event (the service ignores an event older than the last).
  if (reportsEvents) await acts.reportClockEvent(event('stopped', final, new Date(Date.now()).toISOString()));
  return {
    taskId: input.taskId,
    publishedAt,
    dueAt: final.dueAt,
    onTime: Date.parse(publishedAt) <= Date.parse(final.dueAt),
    level,
  };
}
