import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import {
  computeClockInstants,
  computeClockInstantsDueOn,
  computeClockInstantsForDueDate,
  type TClockInstants,
} from '@sanxiang/shared/src/clocks';
import type { TDutyClockInput } from '@sanxiang/shared/src/contracts';

export interface TDutyClockActivityDeps {
  calendar: () => Promise<WorkingDayCalendar> | WorkingDayCalendar;
}

/**
 * A duty clock's instants by the one clock table: a counted clock from its start (a configured
 * period when the input carries one), a person-set due date, a fixed-date clock (`dueOn`) for its year. Computed in an
 * activity: the calendar may change, the history may not.
 */
export function computeDutyClockWith(
  calendar: WorkingDayCalendar,
  input: Pick<TDutyClockInput, 'kind' | 'start' | 'dueYear' | 'workingDays' | 'dueDate'>,
): TClockInstants {
  if (input.dueDate !== undefined) return computeClockInstantsForDueDate(calendar, input.kind, input.dueDate);
  if (input.dueYear !== undefined) return computeClockInstantsDueOn(calendar, input.kind, input.dueYear);
  if (input.start === undefined) throw new Error(`duty clock ${input.kind} needs a start or a due year`);
  return input.workingDays === undefined
    ? computeClockInstants(calendar, input.kind, input.start)
    : computeClockInstants(calendar, input.kind, input.start, input.workingDays);
}

export const createDutyClockActivities = (deps: TDutyClockActivityDeps) => ({
  async computeDutyClock(
    input: Pick<TDutyClockInput, 'kind' | 'start' | 'dueYear' | 'workingDays' | 'dueDate'>,
  ): Promise<TClockInstants> {
    return computeDutyClockWith(await deps.calendar(), input);
  },
});

export type TDutyClockActivities = ReturnType<typeof createDutyClockActivities>;
