/**
 * Pure calendar arithmetic on `YYYY-MM-DD` strings. Every date is turned into an epoch day (days
 * since 1970-01-01) through UTC-only Date methods, so the server's TZ can never shift a day.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** The epoch day of a `YYYY-MM-DD` date, or undefined when the text is not a real date. */
export const parseIsoDate = (date: string): number | undefined => {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  utc.setUTCFullYear(year, month - 1, day);
  // Round-trip check rejects overflowing dates such as 2025-02-30 (Date would roll to 03-02).
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    return undefined;
  }
  return Math.round(utc.getTime() / DAY_MS);
};

export const isIsoDate = (value: unknown): value is string =>
  typeof value === 'string' && parseIsoDate(value) !== undefined;

/** Like {@link parseIsoDate} but throws: for callers that were promised a valid date. */
export const toEpochDay = (date: string): number => {
  const day = parseIsoDate(date);
  if (day === undefined) throw new RangeError(`Not a valid YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return day;
};

export const fromEpochDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

export const isWeekend = (day: number): boolean => {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
};

/** The year of an epoch day, read in UTC (the epoch day already is the local calendar date). */
export const yearOfEpochDay = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();

export const MS_PER_DAY = DAY_MS;

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** Weekday label as the State Council notices write it (周一 … 周日). */
export const weekdayLabel = (day: number): string => WEEKDAY_NAMES[weekdayOf(day)] ?? '';
