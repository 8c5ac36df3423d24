import { dateInShanghai } from '../calendar/shanghai-time';
import { fromEpochDay, isWeekend, toEpochDay } from '../calendar/iso-date';
import { formatDate } from '../format/beijing-time';
import type { TClockLevel } from './clock-kinds';

/** The level of a clock as staff read it (level 0 reminded, 1 overdue, 2 reported to the agency head). */
export const clockLevelWords: Record<TClockLevel, string> = { 0: '提醒', 1: '已超期', 2: '已上报' };

/** How a deadline counted over a year without holiday data is shown. */
export const PROVISIONAL_TEXT = '暂按法定节假日推算（当年调休安排未公布）';

/** What a person reads of a clock, beside its instants (APIs keep those as ISO 8601). */
export interface TReadableClock {
  /** The due date in Beijing time, e.g. `2026年3月16日`. */
  dueDateText: string;
  /** Working days left until the end of the due date; negative when overdue (-1 the day after). */
  workingDaysLeft: number;
  /** 提醒 / 已超期 / 已上报, or null before the reminder. */
  levelText: string | null;
  /** `PROVISIONAL_TEXT` when provisional, else null. */
  provisionalText: string | null;
}

/** Counts the working days d with `after < d <= upTo` (both `YYYY-MM-DD`). */
export type TWorkingDayCounter = (after: string, upTo: string) => number;

/** A counter over a known list of working dates; days past its end count weekdays only. */
export const countOverDates =
  (workingDates: readonly string[]): TWorkingDayCounter =>
  (after, upTo) => {
    const last = workingDates[workingDates.length - 1] ?? after;
    let n = workingDates.filter((d) => d > after && d <= upTo).length;
    const from = Math.max(toEpochDay(last), toEpochDay(after));
    for (let day = from + 1; day <= toEpochDay(upTo); day += 1) if (!isWeekend(day)) n += 1;
    return n;
  };

/**
 * A counter over a calendar (`isWorkingDay`), remembering the running count of working days over the
 * span it has seen: a page of 50 queue items whose due dates lie a year back asked the calendar
 * about every day between each due date and today (20,000 lookups, ~100 ms on the loaded machine);
 * now each day once. Make one per request (the calendar may be reloaded between requests).
 */
export const countWithCalendar = (calendar: { isWorkingDay(date: string): boolean }): TWorkingDayCounter => {
  const working = (day: number) => (calendar.isWorkingDay(fromEpochDay(day)) ? 1 : 0);
  /** cumulative[k]: working days d with lo < d <= lo + k (cumulative[0] = 0). */
  let lo = 0;
  let cumulative: number[] = [];
  const cover = (from: number, to: number) => {
    if (cumulative.length === 0) {
      lo = from;
      cumulative = [0];
    }
    if (from < lo) {
      const before: number[] = [0];
      for (let day = from + 1; day <= lo; day += 1) before.push(before[before.length - 1]! + working(day));
      const shift = before[before.length - 1]!;
      cumulative = [...before, ...cumulative.slice(1).map((n) => n + shift)];
      lo = from;
    }
    for (let day = lo + cumulative.length; day <= to; day += 1)
      cumulative.push(cumulative[cumulative.length - 1]! + working(day));
  };
  return (after, upTo) => {
    const a = toEpochDay(after);
    const b = toEpochDay(upTo);
    if (b <= a) return 0;
    cover(a, b);
    return cumulative[b - lo]! - cumulative[a - lo]!;
  };
};

/** The readable side of a clock at `now`. */
export function readableClock(
  clock: { dueDate: string; dueAt: string; level: number; provisional: boolean },
  now: string | Date,
  count: TWorkingDayCounter,
): TReadableClock {
  const today = dateInShanghai(now);
  const overdue = new Date(now).getTime() >= Date.parse(clock.dueAt);
  const workingDaysLeft = overdue ? -Math.max(1, count(clock.dueDate, today)) : count(today, clock.dueDate);
  const level = clock.level >= 0 && clock.level <= 2 ? (clock.level as TClockLevel) : undefined;
  return {
    dueDateText: formatDate(clock.dueDate),
    workingDaysLeft,
    levelText: level === undefined ? null : clockLevelWords[level],
    provisionalText: clock.provisional ? PROVISIONAL_TEXT : null,
  };
}
