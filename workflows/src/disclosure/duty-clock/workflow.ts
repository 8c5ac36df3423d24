import { defineQuery, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { clockRules, escalationText, levelAudience, type TClockInstants } from '@sanxiang/shared/src/clocks';
import {
  dutyClockQueries,
  dutyClockSignals,
  type TDutyClockInput,
  type TDutyDone,
} from '@sanxiang/shared/src/contracts';
import { deadlineClock } from '../../clocks/workflow/deadline-clock';
import type {
  TNotifyClockStepInput,
  TNotifyClockStepResult,
} from '../../lifecycle/activities/notify-clock-step';
import type { TReportClockEventInput } from '../../lifecycle/activities/report-clock-event';
import type { TRecordEscalationInput } from '../../lifecycle/activities/record-escalation';
import type { TDutyClockActivities } from './activities';

export interface TDutyClockStatus {
  kind: TDutyClockInput['kind'];
  subjectId: string;
  clock: TClockInstants | null;
  /** -1 none yet, 0 reminded, 1 escalated to the unit head, 2 to the agency head. */
  level: number;
  done: TDutyDone | null;
}

export interface TDutyClockResult {
  kind: TDutyClockInput['kind'];
  subjectId: string;
  doneAt: string;
  outcome: string;
  dueAt: string;
  onTime: boolean;
  level: number;
}

export const dutyDone = defineSignal<[TDutyDone]>(dutyClockSignals.dutyDone);
export const dutyCalendarUpdated = defineSignal<[unknown]>(dutyClockSignals.calendarUpdated);
export const dutyClockStatus = defineQuery<TDutyClockStatus>(dutyClockQueries.status);

/** The clock's activity and the lifecycle's `notifyClockStep` / `reportClockEvent` (one worker registers all). */
type TActs = TDutyClockActivities & {
  notifyClockStep(input: TNotifyClockStepInput): Promise<TNotifyClockStepResult>;
  reportClockEvent(input: TReportClockEventInput): Promise<void>;
  recordEscalation(input: TRecordEscalationInput): Promise<{ escalationId: string }>;
};

const acts = proxyActivities<TActs>({
  startToCloseTimeout: '30 seconds',
  // As the lifecycle's service calls: retried without limit, a service outage only delays.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * One duty's clock (issue #13 item 6), with the lifecycle clocks' behaviour: a reminder to the
 * disclosure staff before the due date, an escalation to the unit head at the due instant, a second
 * one to the agency head three working days later — each told to named people through the
 * notifications service (`notifyClockStep`, people resolved from the directory by
 * `resolveResponsible`); the clock is on the board and in 我的待办 from its start
 * (`reportClockEvent`) until the service signals the duty done. Every instant comes from an
 * activity; the run keeps no I/O of its own.
 */
export async function dutyClockWorkflow(input: TDutyClockInput): Promise<TDutyClockResult> {
  const { workflowId } = workflowInfo();
  const clockKey = `${workflowId}:${input.kind}`;
  let done: TDutyDone | undefined;
  const rule = clockRules[input.kind];
  const assigneeIds = input.assigneeIds ?? [];

  const event = (type: 'started' | 'stopped', c: TClockInstants, at: string): TReportClockEventInput => ({
    type,
    clockKey,
    kind: input.kind,
    caseNumber: input.caseNumber,
    caseTitle: input.title,
    link: input.link,
    dueAt: c.dueAt,
    dueDate: c.dueDate,
    at,
    assigneeIds,
  });
  const deadline = deadlineClock<TClockInstants>({
    // The levels the clock's row names: a person-set clock may have no reminder or second escalation.
    levels: ([0, 1, 2] as const).filter(
      (l) =>
        (l !== 0 || rule.reminderLeadDays !== null) && (l !== 2 || rule.secondEscalationAfterDays !== null),
    ),
    compute: () =>
      acts.computeDutyClock({
        kind: input.kind,
        ...(input.start !== undefined ? { start: input.start } : {}),
        ...(input.dueYear !== undefined ? { dueYear: input.dueYear } : {}),
        ...(input.workingDays !== undefined ? { workingDays: input.workingDays } : {}),
        ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
      }),
    async onSet(clock) {
      await acts.reportClockEvent(event('started', clock, new Date(Date.now()).toISOString()));
    },
    async onStep(level, clock, at) {
      const reason = `${input.title}：${rule.label}（${rule.basis}）应于 ${clock.dueDate} 前完成，${escalationText[level]}`;
      await acts.notifyClockStep({
        clockKey,
        kind: input.kind,
        level,
        caseNumber: input.caseNumber,
        caseTitle: input.title,
        link: input.link,
        dueAt: clock.dueAt,
        dueDate: clock.dueDate,
        reason,
        at,
        assigneeIds,
      });
      if (input.caseFile && input.caseNumber && level > 0) {
        // In the case file as the lifecycle's escalations are (legal-review's materials clock).
        await acts.recordEscalation({
          caseNumber: input.caseNumber,
          idempotencyKey: `${workflowId}:escalation:${level}`,
          request: {
            workflowId: input.caseFile.workflowId,
            clockId: input.caseFile.clockId,
            clock: input.caseFile.clock,
            level,
            notified: { audience: levelAudience[level], roles: ['head'], userIds: [] },
            reason,
            dueAt: clock.dueAt,
            at,
            ...(input.caseFile.round !== undefined ? { round: input.caseFile.round } : {}),
            ...(input.caseFile.cycle !== undefined ? { cycle: input.caseFile.cycle } : {}),
          },
        });
      }
    },
  });

  setHandler(dutyDone, (p) => {
    if (p?.subjectId === input.subjectId && typeof p.doneAt === 'string') done ??= p;
  });
  setHandler(dutyCalendarUpdated, () => deadline.calendarUpdated());
  setHandler(dutyClockStatus, () => ({
    kind: input.kind,
    subjectId: input.subjectId,
    clock: deadline.clock,
    level: deadline.level,
    done: done ?? null,
  }));

  const { clock: final, level } = await deadline.runUntil(() => done !== undefined);
  const finished = done!;
  await acts.reportClockEvent(event('stopped', final, finished.doneAt));
  return {
    kind: input.kind,
    subjectId: input.subjectId,
    doneAt: finished.doneAt,
    outcome: finished.outcome,
    dueAt: final.dueAt,
    onTime: Date.parse(finished.doneAt) <= Date.parse(final.dueAt),
    level,
  };
}
