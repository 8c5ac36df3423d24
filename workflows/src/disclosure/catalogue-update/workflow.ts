import {
  defineQuery,
  defineSignal,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { clockRules, escalationText, levelAudience, type TClockLevel } from '@sanxiang/shared/src/clocks';
import { deadlineClock } from '../../clocks/workflow/deadline-clock';
import type {
  TNotifyClockStepInput,
  TNotifyClockStepResult,
} from '../../lifecycle/activities/notify-clock-step';
import type { TReportClockEventInput } from '../../lifecycle/activities/report-clock-event';
import type { TCatalogueClock, TCatalogueEscalation, TCatalogueUpdateActivities } from './activities';
import {
  CATALOGUE_UPDATE_WORKING_DAYS,
  catalogueUpdateQueries,
  catalogueUpdateSignals,
} from '@sanxiang/shared/src/contracts';

export interface TCatalogueUpdateInput {
  changeId: string;
  title: string;
  /** The day the law or the functions changed (YYYY-MM-DD): the count starts after it. */
  effectiveDate: string;
}

export interface TCatalogueUpdateStatus {
  changeId: string;
  clock: TCatalogueClock | null;
  /** -1 none yet, 0 reminded, 1 escalated to the unit head, 2 to the agency head. */
  level: number;
  completedAt: string | null;
}

export interface TCatalogueUpdateResult {
  changeId: string;
  completedAt: string;
  dueAt: string;
  onTime: boolean;
  level: number;
}

export const catalogueChangeCompleted = defineSignal<[{ changeId: string; completedAt: string }]>(
  catalogueUpdateSignals.catalogueChangeCompleted,
);
export const calendarUpdated = defineSignal<[unknown]>(catalogueUpdateSignals.calendarUpdated);
export const catalogueUpdateStatus = defineQuery<TCatalogueUpdateStatus>(catalogueUpdateQueries.status);

/** `patched()` id of telling the disclosure office and its heads of each fired level (issue 11). */
export const CATALOGUE_NOTIFY_PATCH = 'catalogue-notify-people';

/**
 * `patched()` id of putting the clock on the supervision board and in 我的待办 from its start to its
 * completion (`reportClockEvent`, issue 11); runs from before it are never on the board.
 */
export const CATALOGUE_CLOCK_EVENTS_PATCH = 'catalogue-report-clock-events';

/** The clock's activities and the lifecycle's `notifyClockStep` / `reportClockEvent` (the same worker registers all). */
type TActs = TCatalogueUpdateActivities & {
  notifyClockStep(input: TNotifyClockStepInput): Promise<TNotifyClockStepResult>;
  reportClockEvent(input: TReportClockEventInput): Promise<void>;
};

const acts = proxyActivities<TActs>({
  startToCloseTimeout: '30 seconds',
  // As the lifecycle's service calls: retried without limit, a service outage only delays.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

const notified = (level: TClockLevel): TCatalogueEscalation['notified'] => ({
  audience: levelAudience[level],
  roles: [level === 0 ? clockRules.catalogueUpdate.assignee.role : 'head'],
});

/**
 * The 20-working-day update clock of a registered change of law or functions (003 §(五)), with the
 * lifecycle clocks' behaviour: a reminder to disclosure staff two working days before the due date,
 * an escalation to the unit head at the due instant, a second one to the agency head three working
 * days later. Every instant comes from an activity (the calendar may change; history may not). The
 * service signals completion when every affected entry has been republished.
 */
export async function catalogueUpdateWorkflow(input: TCatalogueUpdateInput): Promise<TCatalogueUpdateResult> {
  const { workflowId } = workflowInfo();
  // Decided once, before the first command: a run started before the patch never reports.
  const reportsEvents = patched(CATALOGUE_CLOCK_EVENTS_PATCH);
  const clockKey = `${workflowId}:catalogueUpdate`;
  const link = `/catalogue-changes/${encodeURIComponent(input.changeId)}`;
  let completedAt: string | undefined;

  const event = (type: 'started' | 'stopped', c: TCatalogueClock, at: string): TReportClockEventInput => ({
    type,
    clockKey,
    kind: 'catalogueUpdate',
    caseNumber: null,
    caseTitle: input.title,
    link,
    dueAt: c.dueAt,
    dueDate: c.dueDate,
    at,
    assigneeIds: [],
  });
  const deadline = deadlineClock<TCatalogueClock>({
    compute: () => acts.computeCatalogueClock({ effectiveDate: input.effectiveDate }),
    async onSet(clock) {
      await acts.recordCatalogueClock({
        changeId: input.changeId,
        idempotencyKey: `${workflowId}:clock:${clock.dueAt}`,
        clock,
      });
      // On the board and in 我的待办 (the disclosure office's staff, resolved by the activity).
      if (reportsEvents)
        await acts.reportClockEvent(event('started', clock, new Date(Date.now()).toISOString()));
    },
    async onStep(level, clock, at) {
      const reason = `事前公开内容应于“${input.title}”生效之日起 ${CATALOGUE_UPDATE_WORKING_DAYS} 个工作日内更新（截止 ${clock.dueDate}）：${escalationText[level]}`;
      // Runs from before the notifications service recorded the escalation alone. The disclosure
      // office's staff (level 0, 1), its head (1, 2) and the agency head (2), from the directory.
      if (patched(CATALOGUE_NOTIFY_PATCH)) {
        await acts.notifyClockStep({
          clockKey,
          kind: 'catalogueUpdate',
          level,
          caseNumber: null,
          caseTitle: input.title,
          link,
          dueAt: clock.dueAt,
          dueDate: clock.dueDate,
          reason,
          at,
          assigneeIds: [],
        });
      }
      await acts.recordCatalogueEscalation({
        changeId: input.changeId,
        idempotencyKey: `${workflowId}:escalation:${level}:${at}`,
        escalation: { level, notified: notified(level), reason, dueAt: clock.dueAt, at },
      });
    },
  });

  setHandler(catalogueChangeCompleted, (p) => {
    if (p?.changeId === input.changeId && typeof p.completedAt === 'string') completedAt ??= p.completedAt;
  });
  setHandler(calendarUpdated, () => deadline.calendarUpdated());
  setHandler(catalogueUpdateStatus, () => ({
    changeId: input.changeId,
    clock: deadline.clock,
    level: deadline.level,
    completedAt: completedAt ?? null,
  }));

  const { clock: final, level } = await deadline.runUntil(() => completedAt !== undefined);
  const done = completedAt!;
  // Workflow time, never before the start event (the service ignores an event older than the last).
  if (reportsEvents) await acts.reportClockEvent(event('stopped', final, new Date(Date.now()).toISOString()));
  return {
    changeId: input.changeId,
    completedAt: done,
    dueAt: final.dueAt,
    onTime: Date.parse(done) <= Date.parse(final.dueAt),
    level,
  };
}
