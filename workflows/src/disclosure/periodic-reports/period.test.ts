import { previousPeriod } from './period';

describe('previousPeriod', () => {
  it('is the month, quarter or year before the run, in Beijing time', () => {
    expect(previousPeriod('randomInspectionResults', new Date('2026-03-01T00:00:00Z'))).toBe('2026-02');
    expect(previousPeriod('randomInspectionResults', new Date('2026-01-01T00:00:00+08:00'))).toBe('2025-12');
    // 31 Dec 17:00 UTC is already 1 January in Beijing
    expect(previousPeriod('randomInspectionResults', new Date('2025-12-31T17:00:00Z'))).toBe('2025-12');
    expect(previousPeriod('creditBlacklist', new Date('2026-04-01T08:00:00+08:00'))).toBe('2026-Q1');
    expect(previousPeriod('creditBlacklist', new Date('2026-01-01T08:00:00+08:00'))).toBe('2025-Q4');
    expect(previousPeriod('creditBlacklist', new Date('2026-10-01T08:00:00+08:00'))).toBe('2026-Q3');
    expect(previousPeriod('annualStatistics', new Date('2026-01-02T08:00:00+08:00'))).toBe('2025');
  });
});
