import { quarterLastDay } from './duty-clocks';

describe('quarterLastDay', () => {
  it.each([
    ['2026-Q1', '2026-03-31'],
    ['2026-Q2', '2026-06-30'],
    ['2026-Q3', '2026-09-30'],
    ['2026-Q4', '2026-12-31'],
    ['2028-Q1', '2028-03-31'],
  ])('%s ends on %s', (period, last) => {
    expect(quarterLastDay(period)).toBe(last);
  });

  it('refuses what is not a quarter', () => {
    expect(() => quarterLastDay('2026-Q5')).toThrow('not a quarter');
    expect(() => quarterLastDay('2026-03')).toThrow('not a quarter');
  });
});
