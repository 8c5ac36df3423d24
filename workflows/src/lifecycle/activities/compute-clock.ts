import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import type { TClockKind } from '@sanxiang/shared/src/contracts';

export interface TComputeClockInput {
  kind: TClockKind;
  /** When the period starts; its Shanghai date is the start day, which is not counted. */
  startAt: string;
  workingDays: number;
}

export interface TComputedClock {
  dueDate: string;
  /** End of the due date in Shanghai: anything strictly before meets the deadline. */
  dueAt: string;
  remindAt: string;
  escalateAt: string;
  secondEscalateAt: string;
  /** A year without calendar data was counted over (weekends only): recomputed on `calendarUpdated`. */
  provisional: boolean;
}

/** Reminder lead in working days: 2 (审核/公示), 1 for the 2-day evidence upload, where 2 would be the start day. */
export const reminderLeadDays: Record<TClockKind, number> = {
  evidenceUpload: 1,
  legalReview: 2,
  disclosure: 2,
  randomInspectionDisclosure: 2,
};

/** The second escalation (to the agency head) comes this many working days after the due date. */
export const secondEscalationAfterDays = 3;

/** Reminders go out at the start of office hours, 09:00 Beijing time, on their working day. */
const atNineInShanghai = (date: string): string => new Date(`${date}T09:00:00+08:00`).toISOString();

/**
 * Every instant of a deadline clock, from the working-day calendar (DOMAIN.md §5). Lives in an
 * activity so that workflow history records the result: later calendar data never changes the
 * meaning of a running workflow's past.
 */
export const computeClockWith = (calendar: WorkingDayCalendar, input: TComputeClockInput): TComputedClock => {
  const startDate = calendar.dateInShanghai(input.startAt);
  const due = calendar.addWorkingDays(startDate, input.workingDays);
  const remind = calendar.subtractWorkingDays(due.date, reminderLeadDays[input.kind]);
  const second = calendar.addWorkingDays(due.date, secondEscalationAfterDays);
  const dueAt = calendar.endOfDayInstant(due.date);
  const startIso = new Date(input.startAt).toISOString();
  const remindAt = atNineInShanghai(remind.date);
  return {
    dueDate: due.date,
    dueAt,
    // Never before the start (possible only for very short periods started late in a day).
    remindAt: remindAt < startIso ? startIso : remindAt,
    escalateAt: dueAt,
    secondEscalateAt: calendar.endOfDayInstant(second.date),
    provisional: due.provisional || remind.provisional || second.provisional,
  };
};

export const computeClock =
  (deps: { calendar: () => Promise<WorkingDayCalendar> | WorkingDayCalendar }) =>
  async (input: TComputeClockInput): Promise<TComputedClock> =>
    computeClockWith(await deps.calendar(), input);
