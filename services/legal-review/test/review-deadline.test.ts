import { loadWorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { computeReviewDeadline } from '../src/domain/review-deadline';

describe('computeReviewDeadline (审核办法 §9, 10 working days)', () => {
  it('counts working days over the 2026 National Day holiday and its make-up Saturday', async () => {
    const calendar = await loadWorkingDayCalendar();
    // Received Mon 28 Sep 2026, 10:00 Beijing. Counted: 29, 30 Sep; 8, 9, 10 (调休 Saturday), 12–16 Oct.
    expect(computeReviewDeadline(calendar, new Date('2026-09-28T02:00:00Z'))).toEqual({
      dueDate: '2026-10-16',
      dueAt: new Date('2026-10-16T16:00:00Z'),
      remindAt: new Date('2026-10-14T01:00:00Z'),
      provisional: false,
    });
  });

  it('takes the start day in Beijing time, whatever the server time zone', async () => {
    const calendar = await loadWorkingDayCalendar();
    // 23:30 on 28 Sep in Beijing is still the 28th; 00:30 on the 29th starts a day later.
    expect(computeReviewDeadline(calendar, new Date('2026-09-28T15:30:00Z')).dueDate).toBe('2026-10-16');
    expect(computeReviewDeadline(calendar, new Date('2026-09-28T16:30:00Z')).dueDate).toBe('2026-10-19');
  });

  it('marks a deadline counted into a year without calendar data as provisional', async () => {
    const calendar = await loadWorkingDayCalendar();
    const deadline = computeReviewDeadline(calendar, new Date('2026-12-24T02:00:00Z'));
    expect(deadline.provisional).toBe(true);
    expect(deadline.dueDate).toBe('2027-01-08'); // 1 Jan 元旦 by law, not yet by notice
  });
});
