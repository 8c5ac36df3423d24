import { loadWorkingDayCalendar } from './calendar-store';
import { fromEpochDay, toEpochDay, weekdayLabel } from './iso-date';
import type { WorkingDayCalendar } from './working-day-calendar';

/**
 * The State Council notices, transcribed by hand from their text (not from data/*.json), so that
 * the shipped data is checked against the source: every off range and make-up day of each holiday,
 * with the weekday and the day count the notice states.
 */
interface TNoticeHoliday {
  name: string;
  /** Inclusive range 放假 (or a single day). */
  off: [string, string];
  /** "共 N 天" in the notice. */
  total: number;
  /** 上班 days, with the weekday the notice prints beside them. */
  makeUp: [string, string][];
}

interface TNotice {
  year: number;
  title: string;
  paper: string;
  holidays: TNoticeHoliday[];
}

const NOTICES: TNotice[] = [
  {
    year: 2024,
    title: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023-10-25）',
    paper: 'https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm',
    holidays: [
      // 元旦：1月1日放假，与周末连休。
      { name: '元旦', off: ['2024-01-01', '2024-01-01'], total: 1, makeUp: [] },
      // 春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。
      // (除夕 2月9日 is only "encouraged" off: it stays a working day.)
      {
        name: '春节',
        off: ['2024-02-10', '2024-02-17'],
        total: 8,
        makeUp: [
          ['2024-02-04', '周日'],
          ['2024-02-18', '周日'],
        ],
      },
      { name: '清明节', off: ['2024-04-04', '2024-04-06'], total: 3, makeUp: [['2024-04-07', '周日']] },
      {
        name: '劳动节',
        off: ['2024-05-01', '2024-05-05'],
        total: 5,
        makeUp: [
          ['2024-04-28', '周日'],
          ['2024-05-11', '周六'],
        ],
      },
      { name: '端午节', off: ['2024-06-10', '2024-06-10'], total: 1, makeUp: [] },
      { name: '中秋节', off: ['2024-09-15', '2024-09-17'], total: 3, makeUp: [['2024-09-14', '周六']] },
      {
        name: '国庆节',
        off: ['2024-10-01', '2024-10-07'],
        total: 7,
        makeUp: [
          ['2024-09-29', '周日'],
          ['2024-10-12', '周六'],
        ],
      },
    ],
  },
  {
    year: 2025,
    title: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）',
    paper: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
    holidays: [
      // 元旦：1月1日（周三）放假1天，不调休。
      { name: '元旦', off: ['2025-01-01', '2025-01-01'], total: 1, makeUp: [] },
      // 春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。
      // 1月26日（周日）、2月8日（周六）上班。New rules from 2025: 除夕 itself is off.
      {
        name: '春节',
        off: ['2025-01-28', '2025-02-04'],
        total: 8,
        makeUp: [
          ['2025-01-26', '周日'],
          ['2025-02-08', '周六'],
        ],
      },
      { name: '清明节', off: ['2025-04-04', '2025-04-06'], total: 3, makeUp: [] },
      // 劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
      { name: '劳动节', off: ['2025-05-01', '2025-05-05'], total: 5, makeUp: [['2025-04-27', '周日']] },
      { name: '端午节', off: ['2025-05-31', '2025-06-02'], total: 3, makeUp: [] },
      // 国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
      {
        name: '国庆节、中秋节',
        off: ['2025-10-01', '2025-10-08'],
        total: 8,
        makeUp: [
          ['2025-09-28', '周日'],
          ['2025-10-11', '周六'],
        ],
      },
    ],
  },
  {
    year: 2026,
    title: '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）',
    paper: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
    holidays: [
      // 元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
      { name: '元旦', off: ['2026-01-01', '2026-01-03'], total: 3, makeUp: [['2026-01-04', '周日']] },
      // 春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
      // 2月14日（周六）、2月28日（周六）上班。
      {
        name: '春节',
        off: ['2026-02-15', '2026-02-23'],
        total: 9,
        makeUp: [
          ['2026-02-14', '周六'],
          ['2026-02-28', '周六'],
        ],
      },
      { name: '清明节', off: ['2026-04-04', '2026-04-06'], total: 3, makeUp: [] },
      { name: '劳动节', off: ['2026-05-01', '2026-05-05'], total: 5, makeUp: [['2026-05-09', '周六']] },
      { name: '端午节', off: ['2026-06-19', '2026-06-21'], total: 3, makeUp: [] },
      { name: '中秋节', off: ['2026-09-25', '2026-09-27'], total: 3, makeUp: [] },
      // 国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
      {
        name: '国庆节',
        off: ['2026-10-01', '2026-10-07'],
        total: 7,
        makeUp: [
          ['2026-09-20', '周日'],
          ['2026-10-10', '周六'],
        ],
      },
    ],
  },
];

const datesIn = ([from, to]: [string, string]): string[] => {
  const dates: string[] = [];
  for (let day = toEpochDay(from); day <= toEpochDay(to); day += 1) dates.push(fromEpochDay(day));
  return dates;
};

const rows = NOTICES.flatMap((notice) =>
  notice.holidays.map((holiday) => ({ year: notice.year, ...holiday })),
);

let calendar: WorkingDayCalendar;
beforeAll(async () => {
  // Shipped data only: a developer's local imports must not change what is tested here.
  calendar = await loadWorkingDayCalendar();
});

describe('shipped calendar against the State Council notices', () => {
  it('ships exactly the years with a notice', () => {
    expect(calendar.knownYears()).toEqual(NOTICES.map((notice) => notice.year));
  });

  it.each(NOTICES.map((notice) => [notice.year, notice] as const))('%i cites its notice', (year, notice) => {
    expect(calendar.holidayYear(year)?.papers).toEqual([notice.paper]);
  });

  describe.each(rows.map((row) => [`${row.year} ${row.name}`, row] as const))('%s', (_label, holiday) => {
    it(`has ${holiday.total} off days, all of them off`, () => {
      const offDates = datesIn(holiday.off);
      expect(offDates).toHaveLength(holiday.total);
      expect(offDates.filter((date) => calendar.isWorkingDay(date))).toEqual([]);
    });

    if (holiday.makeUp.length > 0) {
      it.each(holiday.makeUp)('make-up day %s (%s) is a working day', (date, weekday) => {
        expect(weekdayLabel(toEpochDay(date))).toBe(weekday);
        expect(calendar.isWorkingDay(date)).toBe(true);
      });
    }
  });

  // Nothing beyond the notice: every day of the year is a working day exactly when it is a weekday
  // outside the off ranges, or a make-up day.
  it.each(NOTICES.map((notice) => [notice.year, notice] as const))(
    '%i has no working-day status the notice does not state',
    (year, notice) => {
      const off = new Set(notice.holidays.flatMap((holiday) => datesIn(holiday.off)));
      const makeUp = new Set(notice.holidays.flatMap((holiday) => holiday.makeUp.map(([date]) => date)));
      const mismatches = datesIn([`${year}-01-01`, `${year}-12-31`]).filter((date) => {
        const weekday = weekdayLabel(toEpochDay(date));
        const expected = makeUp.has(date) || (!off.has(date) && weekday !== '周六' && weekday !== '周日');
        return calendar.isWorkingDay(date) !== expected;
      });
      expect(mismatches).toEqual([]);
    },
  );

  it('keeps the 2024 除夕 a working day but makes the 2025 and 2026 Spring Festival start as announced', () => {
    expect(calendar.isWorkingDay('2024-02-09')).toBe(true);
    expect(calendar.isWorkingDay('2025-01-28')).toBe(false);
    expect(calendar.isWorkingDay('2025-01-27')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-15')).toBe(false);
    // 2026 除夕 (02-16) falls inside the 9-day break.
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false);
  });
});
