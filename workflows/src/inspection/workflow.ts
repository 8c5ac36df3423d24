import {
  condition,
  defineQuery,
  defineSignal,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { escalationText, type TClockLevel } from '@sanxiang/shared/src/clocks';
import {
  INSPECTION_RESULTS_WORKING_DAYS,
  inspectionResultsQueries,
  inspectionResultsSignals,
  type TInspectionResultsInput,
  type TResultsApproved,
} from '@sanxiang/shared/src/contracts';
import { saDeadlineAt, saProvisionalDeadline } from '../lifecycle/workflow/search-attributes';
import type {
  TNotifyClockStepInput,
  TNotifyClockStepResult,
} from '../lifecycle/activities/notify-clock-step';
import type { TReportClockEventInput } from '../lifecycle/activities/report-clock-event';
import type { TInspectionActivities, TInspectionResultsClock } from './activities';

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

const acts = proxyActivities<TActs>({
  startToCloseTimeout: '30 seconds',
  // As the lifecycle's service calls: retried without limit, a service outage only delays.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

const instantOf = (clock: TInspectionResultsClock, level: TClockLevel) =>
  level === 0 ? clock.remindAt : level === 1 ? clock.escalateAt : clock.secondEscalateAt;

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
  let recompute = false;
  let clock: TInspectionResultsClock | null = null;
  let level = -1;
  const done: { publishedAt?: string } = {};

  setHandler(resultsApproved, (p) => {
    if (p?.taskId === input.taskId && typeof p.approvedAt === 'string') approved ??= p;
  });
  setHandler(inspectionCalendarUpdated, () => {
    if (clock?.provisional) recompute = true;
  });
  setHandler(inspectionResultsStatus, () => ({
    taskId: input.taskId,
    clock,
    level,
    approvedAt: approved?.approvedAt ?? null,
    publishedAt: done.publishedAt ?? null,
  }));

  const setClock = async () => {
    clock = await acts.computeInspectionResultsClock({ endDate: input.endDate });
    upsertSearchAttributes([
      { key: saProvisionalDeadline, value: clock.provisional },
      { key: saDeadlineAt, value: new Date(clock.dueAt) },
    ]);
    await acts.recordInspectionResultsClock({
      taskId: input.taskId,
      idempotencyKey: `${workflowId}:clock:${clock.dueAt}`,
      clock,
    });
    // On the board and in 我的待办 (the disclosure office's staff, resolved by the activity).
    if (reportsEvents)
      await acts.reportClockEvent(event('started', clock, new Date(Date.now()).toISOString()));
  };
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
  await setClock();

  while (approved === undefined && level < 2) {
    const current: TInspectionResultsClock = clock!;
    const next = (level + 1) as TClockLevel;
    const at = instantOf(current, next);
    const wait = Date.parse(at) - Date.now();
    if (wait > 0) await condition(() => approved !== undefined || recompute, wait);
    if (approved !== undefined) break;
    if (recompute) {
      recompute = false;
      await setClock(); // steps already taken stay taken
      continue;
    }
    const reason = `随机抽查任务“${input.taskName}”的检查结果应于抽查结束之日起 ${INSPECTION_RESULTS_WORKING_DAYS} 个工作日内公示（截止 ${current.dueDate}）：${escalationText[next]}`;
    const told = await acts.notifyClockStep({
      clockKey,
      kind: 'randomInspectionDisclosure',
      level: next,
      caseNumber: null,
      caseTitle: input.taskName,
      link,
      dueAt: current.dueAt,
      dueDate: current.dueDate,
      reason,
      at,
      assigneeIds: [],
    });
    await acts.recordInspectionEscalation({
      taskId: input.taskId,
      idempotencyKey: `${workflowId}:escalation:${next}:${at}`,
      escalation: {
        level: next,
        reason,
        dueAt: current.dueAt,
        at,
        notifiedNames: told.people.map((p) => p.name),
      },
    });
    level = next;
  }
  await condition(() => approved !== undefined);
  const published = await acts.publishInspectionResults({
    taskId: input.taskId,
    idempotencyKey: `${workflowId}:publish`,
    workflowId,
  });
  done.publishedAt = published.publishedAt;
  const { publishedAt } = published;
  const final: TInspectionResultsClock = clock!;
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
