import { WorkingDayCalendar, type THolidayYear } from '@sanxiang/shared/src/calendar';

const DAY = 86_400_000;
const PAPER = ['https://www.gov.cn/zhengce/test-fixture.htm'];

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

const yearOf = (date: string): number => Number(date.slice(0, 4));

/** A year with no holidays: one harmless entry (a Saturday marked off), so the year counts as known. */
const plainYear = (year: number): THolidayYear => {
  let date = `${year}-01-01`;
  while (new Date(`${date}T00:00:00Z`).getUTCDay() !== 6) date = addDays(date, 1);
  return { year, papers: PAPER, days: [{ name: '占位', date, isOffDay: true }] };
};

/** Calendar with `days` (all in one year) as that year's notice, plain years around it. */
export function calendarWith(days: THolidayYear['days'], years: number[]): WorkingDayCalendar {
  const byYear = new Map<number, THolidayYear>(years.map((y) => [y, plainYear(y)]));
  for (const day of days) {
    const year = yearOf(day.date);
    const current = byYear.get(year);
    const base = current && current.days[0]?.name !== '占位' ? current.days : [];
    byYear.set(year, { year, papers: PAPER, days: [...base, day] });
  }
  return new WorkingDayCalendar([...byYear.values()]);
}

/**
 * National Day 2025 (国庆节、中秋节: 28 Sep Sunday worked, 1–8 Oct off, 11 Oct Saturday worked),
 * moved by whole weeks so that it lies ahead of the time-skipping server's clock (which starts at
 * the real now). Weekdays are kept, so the hand-computed 2025 deadlines move by the same offset.
 */
export function shiftedNationalDay2025(today: string) {
  const origin = '2025-09-26'; // the Friday before: the decision date of the test
  const span = 21; // to 16 Oct, the last instant of interest
  let offset =
    Math.ceil((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${origin}T00:00:00Z`)) / DAY / 7) * 7 + 14;
  while (yearOf(addDays(origin, offset)) !== yearOf(addDays(origin, offset + span))) offset += 7;
  const shift = (date: string): string => addDays(date, offset);
  const days: THolidayYear['days'] = [
    { name: '国庆节、中秋节', date: shift('2025-09-28'), isOffDay: false },
    ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({
      name: '国庆节、中秋节',
      date: shift(`2025-10-${d}`),
      isOffDay: true,
    })),
    { name: '国庆节、中秋节', date: shift('2025-10-11'), isOffDay: false },
  ];
  const first = yearOf(today);
  const last = yearOf(shift('2025-10-16')) + 1;
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return { calendar: calendarWith(days, years), shift };
}
