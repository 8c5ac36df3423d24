import { periodRange } from './prepare-periodic-report';

// The periodic reports count by Beijing calendar days (002 4(5): the year's statistics; the
// quarterly blacklist): an event at 00:30 on 1 January, Beijing time, is the new year's.
describe('periodRange', () => {
  it('bounds instants from Beijing midnight to Beijing midnight', () => {
    const { instants } = periodRange('2026');
    expect(instants.gte.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(instants.lt.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    const halfPastMidnight = new Date('2026-01-01T00:30:00+08:00');
    expect(halfPastMidnight >= instants.gte && halfPastMidnight < instants.lt).toBe(true);
    expect(new Date('2025-12-31T23:30:00+08:00') < instants.gte).toBe(true);
  });

  it('bounds date columns by their calendar dates', () => {
    expect(periodRange('2026-Q4').dates).toEqual({
      gte: new Date('2026-10-01T00:00:00.000Z'),
      lt: new Date('2027-01-01T00:00:00.000Z'),
    });
    expect(periodRange('2026-03').dates.lt.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(periodRange('2026-12').instants.lt.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('refuses a period it cannot read, in Chinese', () => {
    expect(() => periodRange('2026-Q5')).toThrow('无法识别的期间');
  });
});
