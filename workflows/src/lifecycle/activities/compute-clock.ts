import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { fromEpochDay, toEpochDay } from '@sanxiang/shared/src/calendar/iso-date';
import { clockRules, computeClockInstants, type TClockInstants } from '@sanxiang/shared/src/clocks';
import type { TClockKind } from '@sanxiang/shared/src/contracts';

export interface TComputeClockInput {
  kind: TClockKind;
  /** When the period starts; its Shanghai date is the start day, which is not counted. */
  startAt: string;
  workingDays: number;
}

/**
 * The instants of a clock (see `TClockInstants`); `provisional` ones are recomputed on
 * `calendarUpdated`. `workingDates` lets the status query count working days left without a calendar.
 */
export type TComputedClock = TClockInstants & { workingDates?: string[] };

/** Working days listed past the second escalation, for "working days left" when long overdue. */
const OVERDUE_HORIZON_DAYS = 20;

/** The working dates after the start day, through the second escalation and a horizon beyond. */
export const workingDatesFor = (calendar: WorkingDayCalendar, input: TComputeClockInput): string[] => {
  const startDate = calendar.dateInShanghai(input.startAt);
  const total =
    input.workingDays + (clockRules[input.kind].secondEscalationAfterDays ?? 0) + OVERDUE_HORIZON_DAYS;
  const dates: string[] = [];
  for (let day = toEpochDay(startDate) + 1; dates.length < total; day += 1) {
    const date = fromEpochDay(day);
    if (calendar.isWorkingDay(date)) dates.push(date);
  }
  return dates;
};

/**
 * Every instant of a deadline clock, from the working-day calendar and the one clock table
 * (`packages/shared/src/clocks`, DOMAIN.md §5). Lives in an activity so that workflow history
 * records the result: later calendar data never changes the meaning of a running workflow's past.
 */
export const computeClockWith = (calendar: WorkingDayCalendar, input: TComputeClockInput): TComputedClock =>
  computeClockInstants(calendar, input.kind, input.startAt, input.workingDays);

export const computeClock =
  (deps: { calendar: () => Promise<WorkingDayCalendar> | WorkingDayCalendar }) =>
  async (input: TComputeClockInput): Promise<TComputedClock> => {
    const calendar = await deps.calendar();
    return { ...computeClockWith(calendar, input), workingDates: workingDatesFor(calendar, input) };
  };
