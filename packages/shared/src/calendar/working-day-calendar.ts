import { ZHolidayYear, type THolidayYear } from './holiday-year';
import { fromEpochDay, isWeekend, toEpochDay, yearOfEpochDay } from './iso-date';
import { dateInShanghai, endOfDayInstant } from './shanghai-time';
import { statutoryHolidays } from './statutory-holidays';

/** A date reached by counting working days, and whether a year without data was counted over. */
export interface TWorkingDayResult {
  date: string;
  /** True when a day walked over lies in a year with no data: recompute once that year is loaded. */
  provisional: boolean;
}

// A sanity bound, not a legal one: no period in the law is anywhere near 20 years of working days.
export const MAX_WORKING_DAYS = 5000;

const assertCount = (n: number): void => {
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_WORKING_DAYS) {
    throw new RangeError(`Working-day count must be an integer from 1 to ${MAX_WORKING_DAYS}, got ${n}`);
  }
};

/**
 * The official PRC working-day calendar: weekends off, statutory holidays off, make-up workdays (调休)
 * on. Pure: built from already-loaded year data, no I/O, so it is safe in activities and unit tests.
 * In a year without data the law's own holidays and weekends are off (`statutory-holidays.ts`; the
 * make-up workdays wait for the notice), and results that touch it are marked provisional.
 */
export class WorkingDayCalendar {
  readonly #years = new Map<number, THolidayYear>();
  /** epoch day → isOffDay, for every day a notice names. */
  readonly #overrides = new Map<number, boolean>();
  /** year without data → epoch days the law alone gives off, computed on first use. */
  readonly #statutory = new Map<number, Set<number>>();

  /** Later entries for the same year replace earlier ones (the store passes shipped, then imported). */
  constructor(years: Iterable<THolidayYear>) {
    for (const year of years) this.#years.set(year.year, ZHolidayYear.parse(year));
    // Ascending, so that when a notice reaches back into the previous December, it wins over the
    // previous year's notice for those days: it is the later, more specific arrangement.
    for (const year of [...this.#years.keys()].sort((a, b) => a - b)) {
      for (const day of this.#years.get(year)?.days ?? []) {
        this.#overrides.set(toEpochDay(day.date), day.isOffDay);
      }
    }
  }

  knownYears(): number[] {
    return [...this.#years.keys()].sort((a, b) => a - b);
  }

  /** The notice data of a year, or undefined when the calendar has none. */
  holidayYear(year: number): THolidayYear | undefined {
    return this.#years.get(year);
  }

  isWorkingDay(date: string): boolean {
    return this.#isWorkingEpochDay(toEpochDay(date));
  }

  /** The N-th working day after `start` (the start day itself is not counted). */
  addWorkingDays(start: string, n: number): TWorkingDayResult {
    return this.#walk(start, n, 1);
  }

  /** The N-th working day before `date`, e.g. "remind 2 working days before the due date". */
  subtractWorkingDays(date: string, n: number): TWorkingDayResult {
    return this.#walk(date, n, -1);
  }

  endOfDayInstant(date: string): string {
    return endOfDayInstant(date);
  }

  dateInShanghai(instant: Date | string): string {
    return dateInShanghai(instant);
  }

  #isWorkingEpochDay(day: number): boolean {
    const isOffDay = this.#overrides.get(day);
    if (isOffDay !== undefined) return !isOffDay;
    if (isWeekend(day)) return false;
    const year = yearOfEpochDay(day);
    return this.#years.has(year) || !this.#statutoryOffDays(year).has(day);
  }

  #statutoryOffDays(year: number): Set<number> {
    let days = this.#statutory.get(year);
    if (!days) {
      days = new Set(statutoryHolidays(year).map((h) => toEpochDay(h.date)));
      this.#statutory.set(year, days);
    }
    return days;
  }

  #walk(from: string, n: number, step: 1 | -1): TWorkingDayResult {
    assertCount(n);
    let day = toEpochDay(from);
    let remaining = n;
    let provisional = false;
    while (remaining > 0) {
      day += step;
      if (!this.#years.has(yearOfEpochDay(day))) provisional = true;
      if (this.#isWorkingEpochDay(day)) remaining -= 1;
    }
    return { date: fromEpochDay(day), provisional };
  }
}
