import { readHolidayYearDir, SHIPPED_CALENDAR_DIR } from './calendar-store';
import { fromEpochDay, isWeekend, toEpochDay } from './iso-date';
import { lawFor, statutoryHolidays } from './statutory-holidays';

const offDates = (year: number): string[] => statutoryHolidays(year).map((h) => h.date);

describe('the holidays fixed by 《全国年节及纪念日放假办法》', () => {
  it('gives 13 days from 2025 (2024 amendment: 除夕 and 5月2日 added) and 11 before', () => {
    expect(lawFor(2025)?.citation).toContain('国务院令第795号');
    expect(lawFor(2024)?.citation).toContain('国务院令第644号');
    expect(statutoryHolidays(2027).filter((h) => !h.substitute)).toHaveLength(13);
    expect(statutoryHolidays(2024).filter((h) => !h.substitute)).toHaveLength(11);
  });

  it('finds the lunar holidays and 清明 of 2027 (春节 2月6日, 端午 6月9日, 中秋 9月15日, 清明 4月5日)', () => {
    const byName = (name: string) =>
      statutoryHolidays(2027)
        .filter((h) => h.name === name)
        .map((h) => h.date);
    expect(byName('春节')).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
    expect(byName('清明节')).toEqual(['2027-04-05']);
    expect(byName('端午节')).toEqual(['2027-06-09']);
    expect(byName('中秋节')).toEqual(['2027-09-15']);
  });

  it('gives a weekday off for a holiday on a weekend (第六条 补假), past days already off', () => {
    // 2027: 春节 02-06/07 are Sat/Sun → 02-09, 02-10; 劳动节 05-01/02 Sat/Sun → 05-03, 05-04.
    const substitutes = statutoryHolidays(2027)
      .filter((h) => h.substitute)
      .map((h) => h.date);
    expect(substitutes).toEqual([
      '2027-02-09',
      '2027-02-10',
      '2027-05-03',
      '2027-05-04',
      '2027-10-04',
      '2027-10-05',
    ]);
  });

  it('counts one day when 中秋 falls inside 国庆 (2028-10-03)', () => {
    expect(offDates(2028).filter((d) => d === '2028-10-03')).toHaveLength(1);
  });

  it('has nothing for years before the 2014 version: they are history, never provisional', () => {
    expect(statutoryHolidays(2013)).toEqual([]);
  });
});

/**
 * The rule checked against the notices: 2024–2026 computed from the law alone, day by day against
 * the State Council notices we ship. Every holiday and 补假 matches; what differs is only 调休 — a
 * weekday given off to bridge to a weekend, paid back by a weekend make-up workday — which the law
 * cannot know. So each year differs in pairs and the number of working days in the year is the same.
 */
describe('the law alone against the notices of 2024–2026', () => {
  const notices = readHolidayYearDir(SHIPPED_CALENDAR_DIR, 'shipped');

  it.each([
    [2024, 16],
    [2025, 10],
    [2026, 12],
  ])('%i: %i days differ, all of them 调休 swaps', async (year, differing) => {
    const notice = (await notices).find((y) => y.data.year === year)?.data;
    if (!notice) throw new Error(`no shipped notice for ${year}`);
    const noticeOff = new Map(notice.days.map((d) => [d.date, d.isOffDay]));
    const lawOff = new Set(offDates(year));
    const madeUp: string[] = [];
    const bridged: string[] = [];
    for (let day = toEpochDay(`${year}-01-01`); day <= toEpochDay(`${year}-12-31`); day += 1) {
      const date = fromEpochDay(day);
      const byNotice = noticeOff.has(date) ? !noticeOff.get(date) : !isWeekend(day);
      const byLaw = !lawOff.has(date) && !isWeekend(day);
      if (byNotice && !byLaw) madeUp.push(date);
      if (!byNotice && byLaw) bridged.push(date);
    }
    expect(madeUp.length + bridged.length).toBe(differing);
    // Every day the law gives off is off in the notice: the holidays and 补假 all match.
    expect(madeUp.every((date) => isWeekend(toEpochDay(date)))).toBe(true);
    expect(madeUp).toHaveLength(bridged.length);
  });
});
