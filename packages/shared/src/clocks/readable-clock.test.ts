import { loadWorkingDayCalendar } from '../calendar';
import { PROVISIONAL_TEXT, countOverDates, countWithCalendar, readableClock } from '.';

// Legal review received Mon 28 Sep 2026: due Fri 16 Oct (National Day 1–7 Oct off, Sat 10 Oct worked).
const clock = { dueDate: '2026-10-16', dueAt: '2026-10-16T16:00:00.000Z', level: -1, provisional: false };

test('working days left count over the holiday; the due date shows in Beijing time', async () => {
  const count = countWithCalendar(await loadWorkingDayCalendar());
  // 30 Sep 09:00 Beijing: left are 8, 9, 10 (Sat, worked), 12–16 Oct = 8.
  expect(readableClock(clock, '2026-09-30T01:00:00Z', count)).toEqual({
    dueDateText: '2026年10月16日',
    workingDaysLeft: 8,
    levelText: null,
    provisionalText: null,
  });
  // 00:30 Beijing on the 16th is still the due date (16:30 UTC the day before).
  expect(readableClock(clock, '2026-10-15T16:30:00Z', count).workingDaysLeft).toBe(0);
});

test('negative when overdue, with the level as a word', async () => {
  const count = countWithCalendar(await loadWorkingDayCalendar());
  // Sat 17 Oct: overdue, no working day passed yet → -1; Tue 20 Oct → -2.
  expect(readableClock({ ...clock, level: 1 }, '2026-10-17T02:00:00Z', count)).toMatchObject({
    workingDaysLeft: -1,
    levelText: '已超期',
  });
  expect(readableClock({ ...clock, level: 2 }, '2026-10-20T02:00:00Z', count)).toMatchObject({
    workingDaysLeft: -2,
    levelText: '已上报',
  });
  expect(readableClock({ ...clock, level: 0 }, '2026-10-14T02:00:00Z', count).levelText).toBe('提醒');
});

test('provisional reads 暂按法定节假日推算（当年调休安排未公布）', () => {
  const shown = readableClock({ ...clock, provisional: true }, '2026-10-14T02:00:00Z', countOverDates([]));
  expect(shown.provisionalText).toBe(PROVISIONAL_TEXT);
  expect(PROVISIONAL_TEXT).toBe('暂按法定节假日推算（当年调休安排未公布）');
});

test('a list of working dates counts as the calendar does, and weekdays past its end', async () => {
  const calendar = await loadWorkingDayCalendar();
  const dates = ['2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12', '2026-10-13'];
  expect(countOverDates(dates)('2026-09-30', '2026-10-13')).toBe(
    countWithCalendar(calendar)('2026-09-30', '2026-10-13'),
  );
  expect(countOverDates(dates)('2026-10-13', '2026-10-19')).toBe(4); // 14, 15, 16, 19 Oct
});

test('one counter answers any intervals, in any order, as counting day by day does', async () => {
  const calendar = await loadWorkingDayCalendar();
  const count = countWithCalendar(calendar);
  const dayByDay = (after: string, upTo: string) => {
    let n = 0;
    for (let t = Date.parse(after) + 86_400_000; t <= Date.parse(upTo); t += 86_400_000)
      if (calendar.isWorkingDay(new Date(t).toISOString().slice(0, 10))) n += 1;
    return n;
  };
  const date = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  // Deterministic spread over 2025–2026: later intervals reach before and beyond what was seen.
  const pairs = Array.from({ length: 60 }, (_, i) => [(i * 97) % 700, (i * 211) % 700] as const);
  for (const [a, b] of pairs) expect(count(date(a), date(b))).toBe(dayByDay(date(a), date(b)));
  expect(count('2026-10-16', '2026-10-16')).toBe(0);
  expect(count('2026-10-17', '2026-10-16')).toBe(0);
});
