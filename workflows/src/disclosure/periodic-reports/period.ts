import type { TDisclosureReportKind } from '@sanxiang/shared/src/contracts';

/**
 * The period a report run covers: the month, quarter or year before the run's date in Beijing time.
 * Pure (no I/O, no clock of its own): the workflow passes its deterministic start time.
 */
export function previousPeriod(kind: TDisclosureReportKind, at: Date): string {
  const beijing = new Date(at.getTime() + 8 * 3600_000);
  const year = beijing.getUTCFullYear();
  const month = beijing.getUTCMonth(); // 0-11
  if (kind === 'annualStatistics') return String(year - 1);
  if (kind === 'creditBlacklist') {
    const quarter = Math.floor(month / 3); // 0-3, the current one
    return quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
  }
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, '0')}`;
}
