import { decisionKindLabel, exemptionReasonLabel, labelOf, withdrawalReasonLabel } from '../labels';
import type { TAnnualStatisticsContent } from './report-content';

const cell = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/u.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * 统计年报 as CSV (UTF-8 with BOM so that spreadsheet programs read the Chinese): one row per
 * figure, grouped by category.
 */
export function annualStatisticsCsv(s: TAnnualStatisticsContent): string {
  const rows: [string, string, string | number][] = [['类别', '项目', '数量']];
  for (const [k, n] of Object.entries(s.byDecisionKind))
    rows.push(['按决定类别', labelOf(decisionKindLabel, k), n]);
  rows.push(
    ['公示', '已公示', s.published],
    ['公示', '按期公示', s.publishedOnTime],
    ['公示', '逾期公示', s.publishedLate],
  );
  rows.push(['不予公开', '合计', s.exempt]);
  for (const [k, n] of Object.entries(s.exemptByReason))
    rows.push(['不予公开', labelOf(exemptionReasonLabel, k), n]);
  rows.push(['撤下', '合计', s.withdrawn]);
  for (const [k, n] of Object.entries(s.withdrawnByReason))
    rows.push(['撤下', labelOf(withdrawalReasonLabel, k), n]);
  rows.push(
    ['期满撤下', '合计', s.expired],
    ['更正', '更正次数', s.corrections],
    ['更正', '更正申请', s.correctionRequests],
  );
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
