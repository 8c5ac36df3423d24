import type { WorkingDayCalendar } from './working-day-calendar';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/u;

export interface TDeadlineInput {
  /** A Shanghai calendar date `YYYY-MM-DD`, or an instant (Date, or ISO string with Z/offset). */
  start: Date | string;
  workingDays: number;
}

export interface TDeadline {
  /** The Shanghai date the period starts on (not counted). */
  startDate: string;
  /** The last working day of the period, `YYYY-MM-DD`. */
  dueDate: string;
  /** The ISO UTC instant at which `dueDate` ends in Shanghai. */
  dueAt: string;
  provisional: boolean;
}

/**
 * A period of N working days from `start`. When `start` is an instant, its Shanghai date is the
 * start day: an activity ending at 23:30 Beijing time starts the period that day, not the next.
 */
export const computeDeadline = (calendar: WorkingDayCalendar, input: TDeadlineInput): TDeadline => {
  // Anything shaped like a date is a date (an invalid one such as 2025-02-30 then fails as a date).
  const startDate =
    typeof input.start === 'string' && DATE_SHAPE.test(input.start)
      ? input.start
      : calendar.dateInShanghai(input.start);
  const { date: dueDate, provisional } = calendar.addWorkingDays(startDate, input.workingDays);
  return { startDate, dueDate, dueAt: calendar.endOfDayInstant(dueDate), provisional };
};
