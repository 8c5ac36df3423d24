import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { computeClockInstants, type TClockInstants } from '@sanxiang/shared/src/clocks';
import type { TClockKind } from '@sanxiang/shared/src/contracts';

export interface TComputeClockInput {
  kind: TClockKind;
  /** When the period starts; its Shanghai date is the start day, which is not counted. */
  startAt: string;
  workingDays: number;
}

/** The instants of a clock (see `TClockInstants`); `provisional` ones are recomputed on `calendarUpdated`. */
export type TComputedClock = TClockInstants;

/**
 * Every instant of a deadline clock, from the working-day calendar and the one clock table
 * (`packages/shared/src/clocks`, DOMAIN.md §5). Lives in an activity so that workflow history
 * records the result: later calendar data never changes the meaning of a running workflow's past.
 */
export const computeClockWith = (calendar: WorkingDayCalendar, input: TComputeClockInput): TComputedClock =>
  computeClockInstants(calendar, input.kind, input.startAt, input.workingDays);

export const computeClock =
  (deps: { calendar: () => Promise<WorkingDayCalendar> | WorkingDayCalendar }) =>
  async (input: TComputeClockInput): Promise<TComputedClock> =>
    computeClockWith(await deps.calendar(), input);
