import { dateInShanghai, endOfDayInstant } from './shanghai-time';

describe('endOfDayInstant', () => {
  it.each([
    ['2026-10-09', '2026-10-09T16:00:00.000Z'],
    ['2025-12-31', '2025-12-31T16:00:00.000Z'],
    ['2028-02-29', '2028-02-29T16:00:00.000Z'],
  ])('%s ends at %s', (date, instant) => {
    expect(endOfDayInstant(date)).toBe(instant);
  });

  it('rejects an invalid date', () => {
    expect(() => endOfDayInstant('2026-02-29')).toThrow(RangeError);
  });
});

describe('dateInShanghai', () => {
  it.each([
    ['2026-10-09T15:59:59.999Z', '2026-10-09'],
    ['2026-10-09T16:00:00.000Z', '2026-10-10'],
    ['2026-10-08T16:00:00Z', '2026-10-09'],
    ['2026-10-09T23:59:00+08:00', '2026-10-09'],
    ['2026-10-09T00:30:00+09:00', '2026-10-08'],
    ['2025-12-31T16:00:00Z', '2026-01-01'],
  ])('%s is on %s in Shanghai', (instant, date) => {
    expect(dateInShanghai(instant)).toBe(date);
    expect(dateInShanghai(new Date(instant))).toBe(date);
  });

  it('agrees with endOfDayInstant: the end instant already belongs to the next day', () => {
    expect(dateInShanghai(endOfDayInstant('2026-10-09'))).toBe('2026-10-10');
  });

  // A string without Z or an offset would be read in the server's time zone.
  it.each(['2026-10-09T10:00:00', '2026-10-09', 'yesterday'])('rejects %p', (instant) => {
    expect(() => dateInShanghai(instant)).toThrow(RangeError);
  });

  it('rejects an invalid Date', () => {
    expect(() => dateInShanghai(new Date(Number.NaN))).toThrow(RangeError);
  });
});
