import { reviewOutcomeLabel } from '@sanxiang/shared/src/domain';
import {
  inspectionResultKeys,
  inspectionResultLabel,
  reviewOutcomeKeys,
  ZStatisticsPeriod,
} from '@sanxiang/shared/src/contracts';
import { z } from 'zod';
import type { TStatisticsSources } from '../../data-access/statistics-sources';
import { decisionKindLabel, exemptionReasonLabel, labelOf, withdrawalReasonLabel } from '../labels';
import { ZAnnualStatisticsContent, type TAnnualStatisticsContent } from './report-content';

/** The services' figures of a period, as composed into the report. */
export type TServiceFigures = NonNullable<TAnnualStatisticsContent['services']>;

/** Fetches what recording, legal-review and inspection counted for the period (in parallel). */
export async function collectServiceFigures(
  sources: TStatisticsSources,
  period: string,
): Promise<TServiceFigures> {
  const [recording, legalReview, inspection] = await Promise.all([
    sources.recording(period),
    sources.legalReview(period),
    sources.inspection(period),
  ]);
  return { recording, legalReview, inspection };
}

export const ZStatisticsRow = z.object({
  group: z.string().describe('类别'),
  item: z.string().describe('项目'),
  value: z.number().int().min(0).describe('数量'),
});
export type TStatisticsRow = z.infer<typeof ZStatisticsRow>;

/** GET /reports/statistics: the period's figures from every service, and the table they make. */
export const ZStatisticsReport = ZAnnualStatisticsContent.omit({ year: true, note: true }).extend({
  period: ZStatisticsPeriod,
  table: z.array(ZStatisticsRow),
});
export type TStatisticsReport = z.infer<typeof ZStatisticsReport>;

/** The groups of the table, in order; the charts draw one bar chart per group. */
export const statisticsGroups = [
  '案件',
  '执法决定（按类别）',
  '重大执法决定法制审核',
  '法制审核意见（按种类）',
  '双随机抽查',
  '抽查结果（按种类）',
  '执法记录',
  '公示',
  '不予公开（按原因）',
  '撤下（按原因）',
  '更正',
] as const;

/**
 * The figures as one table (类别, 项目, 数量): the CSV, the XLSX, the public report page and the
 * console's charts all read these rows, so their words and numbers are the same everywhere.
 * Figures the report does not carry (an annual report prepared before #15's composition) are left out.
 */
export function statisticsTable(s: Omit<TAnnualStatisticsContent, 'year'>): TStatisticsRow[] {
  const rows: TStatisticsRow[] = [];
  const add = (group: (typeof statisticsGroups)[number], item: string, value: number) =>
    rows.push({ group, item, value });
  const svc = s.services;
  if (svc) {
    add('案件', '立案', svc.recording.casesOpened);
    add('案件', '结案', svc.recording.casesClosed);
  }
  for (const [k, n] of Object.entries(s.byDecisionKind))
    add('执法决定（按类别）', labelOf(decisionKindLabel, k), n);
  if (svc) {
    const lr = svc.legalReview;
    add('重大执法决定法制审核', '受理送审', lr.reviewsReceived);
    add('重大执法决定法制审核', '审核的重大执法决定（件）', lr.casesReviewed);
    add('重大执法决定法制审核', '出具审核意见', lr.opinionsIssued);
    add('重大执法决定法制审核', '逾期出具审核意见', lr.opinionsIssuedLate);
    for (const k of reviewOutcomeKeys)
      add('法制审核意见（按种类）', reviewOutcomeLabel[k], lr.opinionsByKind[k]);
    const ins = svc.inspection;
    add('双随机抽查', '抽查任务', ins.tasks);
    add('双随机抽查', '抽取检查对象', ins.objectsDrawn);
    add('双随机抽查', '尚未登记结果', ins.pending);
    add('双随机抽查', '结果已公示任务', ins.tasksResultsPublished);
    add('双随机抽查', '结果逾期公示任务', ins.tasksResultsPublishedLate);
    for (const k of inspectionResultKeys) add('抽查结果（按种类）', inspectionResultLabel[k], ins.results[k]);
    add('执法记录', '上传证据文件', svc.recording.evidenceUploaded);
    add('执法记录', '逾期上传证据文件', svc.recording.evidenceUploadedLate);
  }
  add('公示', '已公示', s.published);
  add('公示', '按期公示', s.publishedOnTime);
  add('公示', '逾期公示', s.publishedLate);
  add('公示', '不予公开', s.exempt);
  add('公示', '撤下', s.withdrawn);
  add('公示', '期满撤下', s.expired);
  for (const [k, n] of Object.entries(s.exemptByReason))
    add('不予公开（按原因）', labelOf(exemptionReasonLabel, k), n);
  for (const [k, n] of Object.entries(s.withdrawnByReason))
    add('撤下（按原因）', labelOf(withdrawalReasonLabel, k), n);
  add('更正', '更正次数', s.corrections);
  add('更正', '更正申请', s.correctionRequests);
  return rows;
}

/** A period as people read it: 2026 年 / 2026 年 3 月. */
export const periodLabel = (period: string): string => {
  const [y, m] = period.split('-');
  return m ? `${y} 年 ${Number(m)} 月` : `${y} 年`;
};
