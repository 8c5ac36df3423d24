import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadHolidayYears } from './calendar-store';
import type { THolidayYear } from './holiday-year';
import { WorkingDayCalendar } from './working-day-calendar';

let shipped: THolidayYear[];
let calendar: WorkingDayCalendar;
beforeAll(async () => {
  shipped = (await loadHolidayYears()).map((loaded) => loaded.data);
  calendar = new WorkingDayCalendar(shipped);
});

describe('addWorkingDays', () => {
  it.each([
    // [start, n, due, why]
    [
      '2025-09-28',
      7,
      '2025-10-14',
      'starts on a make-up Sunday (not counted), over National Day 2025 and 10-11',
    ],
    ['2025-09-30', 7, '2025-10-16', 'the day before National Day 2025'],
    ['2026-02-12', 7, '2026-02-28', 'before Spring Festival 2026, ends on the make-up Saturday 02-28'],
    [
      '2026-02-13',
      7,
      '2026-03-02',
      'counts make-up day 02-14, skips 02-15..02-23 and the weekend after 02-28',
    ],
    ['2026-09-18', 10, '2026-10-09', 'legal review over Mid-Autumn and National Day 2026'],
    ['2024-02-08', 3, '2024-02-19', '2024 除夕 (02-09) is a working day'],
    ['2025-01-27', 1, '2025-02-05', '2025 除夕 (01-28) is off'],
    ['2024-09-13', 1, '2024-09-14', 'a make-up Saturday is the next working day'],
    ['2026-04-30', 2, '2026-05-07', 'over Labour Day 2026'],
    ['2025-12-29', 5, '2026-01-06', 'across 2025→2026, over 元旦 2026 and the make-up 01-04'],
    ['2024-12-31', 10, '2025-01-15', 'across 2024→2025'],
    ['2026-12-28', 3, '2026-12-31', 'ends on the last day of the last known year'],
  ])('%s + %i working days → %s (%s)', (start, n, due) => {
    expect(calendar.addWorkingDays(start, n)).toEqual({ date: due, provisional: false });
  });

  it('does not count the start day even when it is a working day', () => {
    expect(calendar.addWorkingDays('2025-03-03', 1)).toEqual({ date: '2025-03-04', provisional: false });
  });

  it.each([0, -1, 1.5, Number.NaN, 100_000])('rejects n = %p', (n) => {
    expect(() => calendar.addWorkingDays('2025-03-03', n)).toThrow(RangeError);
  });

  it.each(['2025-02-30', '2025-3-3', '', '2025-03-03T00:00:00Z'])('rejects the start %p', (start) => {
    expect(() => calendar.addWorkingDays(start, 1)).toThrow(RangeError);
  });
});

describe('subtractWorkingDays', () => {
  it.each([
    ['2025-10-09', 2, '2025-09-29', 'reminder before a due date just after National Day 2025'],
    ['2026-02-24', 1, '2026-02-14', 'lands on the make-up Saturday before Spring Festival 2026'],
    ['2026-01-05', 2, '2025-12-31', 'back across 元旦 2026, counting the make-up 01-04'],
    ['2025-01-02', 1, '2024-12-31', 'back across 2025→2024'],
  ])('%s − %i working days → %s (%s)', (date, n, expected) => {
    expect(calendar.subtractWorkingDays(date, n)).toEqual({ date: expected, provisional: false });
  });

  it('is the inverse of addWorkingDays when both ends are working days', () => {
    const due = calendar.addWorkingDays('2025-09-29', 7).date;
    expect(calendar.subtractWorkingDays(due, 7).date).toBe('2025-09-29');
  });
});

describe('a year without data (provisional)', () => {
  it("counts the law's holidays and weekends as off in 2028, no make-up days, and marks it provisional", () => {
    // 2028-03-01 is a Wednesday: Thu, Fri, (weekend), Mon.
    expect(calendar.addWorkingDays('2028-03-01', 3)).toEqual({ date: '2028-03-06', provisional: true });
    expect(calendar.isWorkingDay('2028-10-02')).toBe(false); // 国庆节
    expect(calendar.isWorkingDay('2028-10-04')).toBe(false); // 补假 for 10-01, a Sunday
    expect(calendar.isWorkingDay('2028-10-05')).toBe(true);
    expect(calendar.isWorkingDay('2028-10-07')).toBe(false);
  });

  it('is provisional as soon as one walked-over day lies in the unknown year', () => {
    // 2027-01-01 (a Friday) is 元旦 by law, so the next working day is Monday 01-04.
    expect(calendar.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-04', provisional: true });
    expect(calendar.addWorkingDays('2026-12-28', 5)).toEqual({ date: '2027-01-05', provisional: true });
    expect(calendar.subtractWorkingDays('2027-01-05', 2)).toEqual({ date: '2026-12-31', provisional: true });
  });

  it('is not provisional merely because the start day is in an unknown year', () => {
    expect(calendar.subtractWorkingDays('2027-01-01', 1)).toEqual({ date: '2026-12-31', provisional: false });
  });

  it('stops being provisional once the year is loaded', () => {
    const synthetic2027: THolidayYear = {
      year: 2027,
      papers: ['https://example.invalid/synthetic-2027'],
      days: [{ name: '元旦（测试）', date: '2027-01-01', isOffDay: true }],
    };
    const withYear = new WorkingDayCalendar([...shipped, synthetic2027]);
    expect(withYear.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-04', provisional: false });
    expect(withYear.knownYears()).toEqual([2024, 2025, 2026, 2027]);
  });
});

describe('building the calendar', () => {
  it('lets a later entry for the same year replace an earlier one', () => {
    const replacement: THolidayYear = {
      year: 2025,
      papers: ['https://example.invalid/replacement-2025'],
      days: [{ name: '测试', date: '2025-03-03', isOffDay: true }],
    };
    const replaced = new WorkingDayCalendar([...shipped, replacement]);
    expect(replaced.isWorkingDay('2025-03-03')).toBe(false);
    // The shipped 2025 entries are gone, not merged.
    expect(replaced.isWorkingDay('2025-10-08')).toBe(true);
    expect(replaced.holidayYear(2025)).toEqual(replacement);
  });

  it("lets a notice's previous-December days win over the previous year's data", () => {
    const year2030: THolidayYear = {
      year: 2030,
      papers: ['https://example.invalid/synthetic-2030'],
      days: [
        { name: '元旦（测试）', date: '2029-12-31', isOffDay: true },
        { name: '元旦（测试）', date: '2030-01-01', isOffDay: true },
      ],
    };
    const year2029: THolidayYear = {
      year: 2029,
      papers: ['https://example.invalid/synthetic-2029'],
      days: [{ name: '测试', date: '2029-12-31', isOffDay: false }],
    };
    expect(new WorkingDayCalendar([year2030, year2029]).isWorkingDay('2029-12-31')).toBe(false);
  });

  it('validates its input', () => {
    expect(() => new WorkingDayCalendar([{ year: 2025, papers: [], days: [] }])).toThrow();
  });

  it("works with no data at all (the law's holidays and weekends, everything provisional)", () => {
    const empty = new WorkingDayCalendar([]);
    expect(empty.knownYears()).toEqual([]);
    // 10-01..03 国庆节, 10-04/05 weekend, 10-06 中秋节.
    expect(empty.addWorkingDays('2025-09-30', 1)).toEqual({ date: '2025-10-07', provisional: true });
  });
});

describe('time zone independence', () => {
  // Jest gives each test file a copy of process.env, so setting TZ here would not reach Node's
  // clock: run the computations in child processes with different TZ values instead.
  const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
  const probe = `
    import { loadWorkingDayCalendar } from './packages/shared/src/calendar/calendar-store';
    import { computeDeadline } from './packages/shared/src/calendar/deadline';
    void loadWorkingDayCalendar().then((c) => console.log(JSON.stringify({
      offset: new Date('2026-01-01T00:00:00Z').getTimezoneOffset(),
      a: c.addWorkingDays('2025-09-28', 7),
      b: c.addWorkingDays('2026-02-12', 7),
      c: c.subtractWorkingDays('2026-01-05', 2),
      d: c.isWorkingDay('2025-09-28'),
      e: c.endOfDayInstant('2026-10-09'),
      f: c.dateInShanghai('2026-10-09T16:30:00Z'),
      g: computeDeadline(c, { start: '2026-09-18T16:30:00Z', workingDays: 10 }),
    })));
  `;
  const runWithTz = (tz: string): Record<string, unknown> => {
    const result = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['-e', probe], {
      cwd: repoRoot,
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as Record<string, unknown>;
  };

  it('gives the same answers whatever the server time zone', () => {
    // UTC−10, UTC+14 and a zone with DST: a local-time slip would move days in at least one of them.
    const byZone = ['Pacific/Honolulu', 'Pacific/Kiritimati', 'America/New_York', 'UTC'].map(runWithTz);
    expect(byZone.map((answers) => answers.offset)).toEqual([600, -840, 300, 0]);
    for (const answers of byZone) {
      expect(answers).toEqual({
        offset: answers.offset,
        a: { date: '2025-10-14', provisional: false },
        b: { date: '2026-02-28', provisional: false },
        c: { date: '2025-12-31', provisional: false },
        d: true,
        e: '2026-10-09T16:00:00.000Z',
        f: '2026-10-10',
        g: {
          startDate: '2026-09-19',
          dueDate: '2026-10-09',
          dueAt: '2026-10-09T16:00:00.000Z',
          provisional: false,
        },
      });
    }
  });
});
