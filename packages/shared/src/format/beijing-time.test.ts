import { formatDate, formatDateShort, formatDateTime, formatDateTimeLong } from './beijing-time';

describe('Beijing-time formatter', () => {
  // 00:30 Beijing on 2 December is still 1 December in UTC: the reader must see the 2nd.
  const halfPastMidnight = '2026-12-01T16:30:00.000Z';

  it('places an instant on the Beijing calendar, not UTC', () => {
    expect(formatDate(halfPastMidnight)).toBe('2026年12月2日');
    expect(formatDateShort(halfPastMidnight)).toBe('2026-12-02');
    expect(formatDateTime(halfPastMidnight)).toBe('2026-12-02 00:30');
    expect(formatDateTimeLong(new Date(halfPastMidnight))).toBe('2026年12月2日 00:30');
  });

  it('keeps a calendar date as that date', () => {
    expect(formatDate('2026-01-05')).toBe('2026年1月5日');
    expect(formatDateShort('2026-01-05')).toBe('2026-01-05');
  });

  it('refuses what is not a date', () => {
    expect(() => formatDateTime('soon')).toThrow(RangeError);
    expect(() => formatDate('2026-12-02T10:00:00')).toThrow(RangeError);
  });
});
