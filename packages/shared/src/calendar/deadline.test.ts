import { loadWorkingDayCalendar } from './calendar-store';
import { computeDeadline } from './deadline';
import type { WorkingDayCalendar } from './working-day-calendar';

let calendar: WorkingDayCalendar;
beforeAll(async () => {
  calendar = await loadWorkingDayCalendar();
});

describe('computeDeadline', () => {
  it('counts from a date', () => {
    expect(computeDeadline(calendar, { start: '2025-09-28', workingDays: 7 })).toEqual({
      startDate: '2025-09-28',
      dueDate: '2025-10-14',
      dueAt: '2025-10-14T16:00:00.000Z',
      provisional: false,
    });
  });

  it("takes an instant's Shanghai date as the start day", () => {
    // 15:30Z is 23:30 on 09-18 in Shanghai: the period starts on the 18th.
    const lateEvening = computeDeadline(calendar, { start: '2026-09-18T15:30:00Z', workingDays: 10 });
    expect(lateEvening).toMatchObject({ startDate: '2026-09-18', dueDate: '2026-10-09' });
    expect(lateEvening.dueAt).toBe('2026-10-09T16:00:00.000Z');
    // 16:30Z on 09-18 is 00:30 on 09-19 (Saturday) in Shanghai: the period starts a day later.
    const afterMidnight = computeDeadline(calendar, {
      start: new Date('2026-09-18T16:30:00Z'),
      workingDays: 10,
    });
    expect(afterMidnight).toMatchObject({ startDate: '2026-09-19', dueDate: '2026-10-09' });
  });

  it('marks a deadline in a year without data as provisional', () => {
    expect(computeDeadline(calendar, { start: '2026-12-28', workingDays: 5 })).toMatchObject({
      dueDate: '2027-01-05',
      dueAt: '2027-01-05T16:00:00.000Z',
      provisional: true,
    });
  });

  it('rejects an invalid date rather than reading it as an instant', () => {
    expect(() => computeDeadline(calendar, { start: '2025-02-30', workingDays: 1 })).toThrow(/YYYY-MM-DD/u);
  });
});
