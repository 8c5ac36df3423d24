import type { TNotifyClockStepInput, TReportClockEventInput } from '../activities';
import type { TClockEventType, TLevel } from './clocks';
import type { Lifecycle } from './lifecycle';
import type { TClockState } from './state';

/** `patched()` id of telling the responsible people of each clock step (issue 11). */
export const NOTIFY_PEOPLE_PATCH = 'notify-responsible-people';

/** `patched()` id of reporting clock starts, pauses and stops to the notifications service (issue 11). */
export const CLOCK_EVENTS_PATCH = 'report-clock-events';

/** One clock run's key, shared by its notifications and its events. */
export const clockKeyOf = (lc: Lifecycle, clock: TClockState): string =>
  `${lc.workflowId}:${clock.id}:${clock.startAt}`;

/** What the clock-event activity needs of a clock that started, paused or stopped (pure). */
export function clockEventInput(
  lc: Lifecycle,
  type: TClockEventType,
  clock: TClockState,
): TReportClockEventInput {
  const round = clock.round !== undefined ? lc.state.rounds.find((r) => r.round === clock.round) : undefined;
  return {
    type,
    clockKey: clockKeyOf(lc, clock),
    kind: clock.kind,
    caseNumber: lc.caseNumber,
    caseTitle: lc.state.input.title,
    dueAt: clock.dueAt,
    dueDate: clock.dueDate,
    at: lc.nowIso(),
    assigneeIds: clock.assigneeIds,
    ...(round?.reviewId ? { reviewId: round.reviewId } : {}),
  };
}

/** What the notify activity needs of a fired clock step (pure: workflow code). */
export function notifyInput(
  lc: Lifecycle,
  clock: TClockState,
  level: TLevel,
  reason: string,
  at: string,
): TNotifyClockStepInput {
  const round = clock.round !== undefined ? lc.state.rounds.find((r) => r.round === clock.round) : undefined;
  return {
    // One clock run: a count restarted after missing materials is told again.
    clockKey: clockKeyOf(lc, clock),
    kind: clock.kind,
    level,
    caseNumber: lc.caseNumber,
    caseTitle: lc.state.input.title,
    dueAt: clock.dueAt,
    dueDate: clock.dueDate,
    reason,
    at,
    assigneeIds: clock.assigneeIds,
    ...(round?.reviewId ? { reviewId: round.reviewId } : {}),
  };
}
