import { LunarDay, SolarTerm, type SolarDay } from 'tyme4ts';
import { fromEpochDay, isWeekend, toEpochDay } from './iso-date';

/**
 * The holidays the law itself fixes, for a year whose State Council notice is not out yet.
 *
 * 《全国年节及纪念日放假办法》 names the holidays and their lengths in advance; only the make-up
 * workdays (调休) and the way a holiday is joined to a weekend wait for the yearly notice. So a
 * provisional year counts these days as off instead of weekends alone — still provisional, and
 * replaced by the notice on import. Lunar dates and the 清明 solar term come from `tyme4ts`.
 */

/** One day off that the law alone gives. */
export interface TStatutoryHoliday {
  name: string;
  date: string;
  /** A weekday given off because a holiday fell on a Saturday or Sunday (办法 第六条 补假). */
  substitute: boolean;
}

interface TLawVersion {
  /** The first year this version of the law governs. */
  from: number;
  citation: string;
  days: (year: number) => { name: string; date: string }[];
}

const iso = (day: SolarDay): string =>
  `${String(day.getYear()).padStart(4, '0')}-${String(day.getMonth()).padStart(2, '0')}-${String(day.getDay()).padStart(2, '0')}`;
const fixed = (year: number, month: number, day: number): string =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const lunar = (year: number, month: number, day: number, offset = 0): string =>
  iso(LunarDay.fromYmd(year, month, day).getSolarDay().next(offset));
const qingming = (year: number): string => iso(SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay());

const run = (name: string, first: string, length: number) =>
  Array.from({ length }, (_, i) => ({ name, date: fromEpochDay(toEpochDay(first) + i) }));

/** The versions of the law, newest last; each governs from its year on. */
export const STATUTORY_HOLIDAY_LAWS: readonly TLawVersion[] = [
  {
    // 国务院令第644号（2013-12-11 修订，2014-01-01 施行）: 11 days.
    from: 2014,
    citation: '《全国年节及纪念日放假办法》（2013年修订，国务院令第644号）第二条',
    days: (y) => [
      ...run('元旦', fixed(y, 1, 1), 1),
      ...run('春节', lunar(y, 1, 1), 3),
      ...run('清明节', qingming(y), 1),
      ...run('劳动节', fixed(y, 5, 1), 1),
      ...run('端午节', lunar(y, 5, 5), 1),
      ...run('中秋节', lunar(y, 8, 15), 1),
      ...run('国庆节', fixed(y, 10, 1), 3),
    ],
  },
  {
    // 国务院令第795号（2024-11-10 修订，2025-01-01 施行）: 13 days — 除夕 and 5月2日 added.
    from: 2025,
    citation: '《全国年节及纪念日放假办法》（2024年修订，国务院令第795号）第二条',
    days: (y) => [
      ...run('元旦', fixed(y, 1, 1), 1),
      ...run('春节', lunar(y, 1, 1, -1), 4),
      ...run('清明节', qingming(y), 1),
      ...run('劳动节', fixed(y, 5, 1), 2),
      ...run('端午节', lunar(y, 5, 5), 1),
      ...run('中秋节', lunar(y, 8, 15), 1),
      ...run('国庆节', fixed(y, 10, 1), 3),
    ],
  },
];

export const lawFor = (year: number): TLawVersion | undefined =>
  [...STATUTORY_HOLIDAY_LAWS].reverse().find((law) => year >= law.from);

/**
 * The days off the law alone gives in `year`, sorted: the holidays (春节 may begin in the year
 * before's calendar only in theory — 除夕 is never before 21 January), and for each one on a weekend
 * the next weekday that is not already off (第六条: 适逢星期六、星期日，应当在工作日补假).
 * Empty for years before the 2014 version of the law: those are history, never provisional.
 */
export function statutoryHolidays(year: number): TStatutoryHoliday[] {
  const law = lawFor(year);
  if (!law) return [];
  const seen = new Set<string>();
  // 中秋 can fall inside 国庆 (2020, 2031): one day off, not two.
  const holidays = law.days(year).filter((h) => !seen.has(h.date) && seen.add(h.date));
  const off = new Set(holidays.map((h) => toEpochDay(h.date)));
  const result: TStatutoryHoliday[] = holidays.map((h) => ({ ...h, substitute: false }));
  for (const holiday of holidays) {
    const day = toEpochDay(holiday.date);
    if (!isWeekend(day)) continue;
    let substitute = day + 1;
    while (isWeekend(substitute) || off.has(substitute)) substitute += 1;
    off.add(substitute);
    result.push({ name: `${holiday.name}（补假）`, date: fromEpochDay(substitute), substitute: true });
  }
  return result.sort((a, b) => a.date.localeCompare(b.date));
}
