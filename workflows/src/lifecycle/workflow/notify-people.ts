import type { TNotifyClockStepInput } from '../activities';
import type { TLevel } from './clocks';
import type { Lifecycle } from './lifecycle';
import type { TClockState } from './state';

/** `patched()` id of telling the responsible people of each clock step (issue 11). */
export const NOTIFY_PEOPLE_PATCH = 'notify-responsible-people';

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
    clockKey: `${lc.workflowId}:${clock.id}:${clock.startAt}`,
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
