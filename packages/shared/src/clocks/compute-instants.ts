import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { REMINDER_TIME_BEIJING, clockRules, workingDaysOf, type TClockRuleKind } from './clock-kinds';

/** Every instant of a counted clock (ISO strings), as the workflows record them. */
export interface TClockInstants {
  dueDate: string;
  /** End of the due date in Shanghai: anything strictly before meets the deadline. */
  dueAt: string;
  /** Level 0. */
  remindAt: string;
  /** Level 1: the due instant. */
  escalateAt: string;
  /** Level 2. */
  secondEscalateAt: string;
  /** A year without calendar data was counted over (the law's holidays and weekends only): recomputed on new data. */
  provisional: boolean;
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/u;

/** `HH:MM` Beijing time on a Shanghai date, as an instant. */
const atBeijing = (date: string, time: string): string => new Date(`${date}T${time}:00+08:00`).toISOString();

/**
 * The instants of a `kind` clock from `start` — an instant (its Shanghai date is the start day) or
 * a `YYYY-MM-DD` date — by the rule of `clockRules[kind]`. `workingDays` overrides the table only
 * to recompute a clock recorded with its own period (a replayed history keeps its input).
 */
export function computeClockInstants(
  calendar: WorkingDayCalendar,
  kind: TClockRuleKind,
  start: string | Date,
  workingDays: number = workingDaysOf(kind),
): TClockInstants {
  const rule = clockRules[kind];
  const isDate = typeof start === 'string' && DATE_SHAPE.test(start);
  const startDate = isDate ? start : calendar.dateInShanghai(start);
  const due = calendar.addWorkingDays(startDate, workingDays);
  const remind = calendar.subtractWorkingDays(due.date, rule.reminderLeadDays ?? 0);
  const second = calendar.addWorkingDays(due.date, rule.secondEscalationAfterDays ?? 0);
  const dueAt = calendar.endOfDayInstant(due.date);
  const remindAt = atBeijing(remind.date, REMINDER_TIME_BEIJING);
  const startIso = isDate ? atBeijing(startDate, '00:00') : new Date(start).toISOString();
  return {
    dueDate: due.date,
    dueAt,
    // Never before the start (possible only for very short periods started late in a day).
    remindAt: remindAt < startIso ? startIso : remindAt,
    escalateAt: dueAt,
    secondEscalateAt: calendar.endOfDayInstant(second.date),
    provisional: due.provisional || remind.provisional || second.provisional,
  };
}

/**
 * The instants of a `kind` clock whose due date is given — set by a person (materials by a date) or
 * fixed in the year (`computeClockInstantsDueOn`) — with the levels of its row around that date: the
 * reminder `reminderLeadDays` working days before at 09:00 Beijing, the escalation at the end of the
 * due date, the second escalation `secondEscalationAfterDays` working days after. A level the row
 * does not name (null) falls on the due date; the duty clock does not fire it.
 */
export function computeClockInstantsForDueDate(
  calendar: WorkingDayCalendar,
  kind: TClockRuleKind,
  dueDate: string,
): TClockInstants {
  const rule = clockRules[kind];
  const none = { date: dueDate, provisional: false };
  const remind = rule.reminderLeadDays ? calendar.subtractWorkingDays(dueDate, rule.reminderLeadDays) : none;
  const second = rule.secondEscalationAfterDays
    ? calendar.addWorkingDays(dueDate, rule.secondEscalationAfterDays)
    : none;
  const dueAt = calendar.endOfDayInstant(dueDate);
  return {
    dueDate,
    dueAt,
    remindAt: atBeijing(remind.date, REMINDER_TIME_BEIJING),
    escalateAt: dueAt,
    secondEscalateAt: calendar.endOfDayInstant(second.date),
    provisional: remind.provisional || second.provisional,
  };
}

/** A clock due on the day of `year` its row fixes (`dueOn`, e.g. 10 January). */
export function computeClockInstantsDueOn(
  calendar: WorkingDayCalendar,
  kind: TClockRuleKind,
  year: number,
): TClockInstants {
  const { dueOn } = clockRules[kind];
  if (!dueOn) throw new Error(`clock ${kind} has no fixed due date`);
  const pad = (n: number) => String(n).padStart(2, '0');
  return computeClockInstantsForDueDate(calendar, kind, `${year}-${pad(dueOn.month)}-${pad(dueOn.day)}`);
}
