import { z } from 'zod';
import { startOfDayInstant } from '../calendar/shanghai-time';
import { toDateColumn } from '../calendar/date-column';

/**
 * 统计年报 and the monthly figures (issue #15): each service counts its own rows for a period over
 * `GET /internal/statistics?period=` (system token), and the disclosure service composes the report
 * (its own figures plus these). A period is a year `2026` or a month `2026-03`, Beijing calendar days.
 */
export const statisticsInternalPath = '/internal/statistics';

export const ZStatisticsPeriod = z
  .string()
  .regex(
    /^20\d{2}(-(0[1-9]|1[0-2]))?$/u,
    '统计期间应为 2000–2099 年的四位年份（如 2026）或年月（如 2026-03）',
  );
export const ZStatisticsQuery = z.strictObject({ period: ZStatisticsPeriod });
export type TStatisticsQuery = z.infer<typeof ZStatisticsQuery>;

/**
 * A period (`2026`, `2026-Q1`, `2026-03`) as Beijing calendar days: `dates` bounds a `date` column
 * (decision dates), `instants` bounds an instant column from Beijing midnight to Beijing midnight (an
 * event at 00:30 on 1 January, Beijing time, belongs to the new year). Null for what it cannot read.
 */
export function statisticsPeriodRange(period: string): {
  dates: { gte: Date; lt: Date };
  instants: { gte: Date; lt: Date };
} | null {
  const q = /^(\d{4})-Q([1-4])$/u.exec(period);
  const m = /^(\d{4})-(\d{2})$/u.exec(period);
  const y = /^(\d{4})$/u.exec(period);
  // First day of `month` (0-based, may be 12) of `year`, as YYYY-MM-DD.
  const day = (year: number, month: number) =>
    `${year + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
  const [first, next] = q
    ? [day(Number(q[1]), (Number(q[2]) - 1) * 3), day(Number(q[1]), Number(q[2]) * 3)]
    : m && Number(m[2]) >= 1 && Number(m[2]) <= 12
      ? [day(Number(m[1]), Number(m[2]) - 1), day(Number(m[1]), Number(m[2]))]
      : y
        ? [day(Number(y[1]), 0), day(Number(y[1]), 12)]
        : [];
  if (!first || !next) return null;
  return {
    dates: { gte: toDateColumn(first), lt: toDateColumn(next) },
    instants: { gte: new Date(startOfDayInstant(first)), lt: new Date(startOfDayInstant(next)) },
  };
}

const ZCount = z.number().int().min(0);

/** recording: cases opened and closed in the period; evidence uploaded, and after its 2-working-day clock. */
export const ZRecordingStatistics = z.object({
  period: ZStatisticsPeriod,
  casesOpened: ZCount.describe('立案数（立案时间在期间内）'),
  casesClosed: ZCount.describe('结案数（结案时间在期间内）'),
  evidenceUploaded: ZCount.describe('上传的证据文件数'),
  evidenceUploadedLate: ZCount.describe(
    '逾期上传的证据文件数（晚于执法活动结束后 2 个工作日，记录规定 §16）',
  ),
});
export type TRecordingStatistics = z.infer<typeof ZRecordingStatistics>;

export const reviewOutcomeKeys = [
  'approve',
  'supplementInvestigation',
  'modify',
  'correct',
  'transfer',
] as const;

/** legal-review: major decisions reviewed (opinions issued) in the period, by opinion kind. */
export const ZLegalReviewStatistics = z.object({
  period: ZStatisticsPeriod,
  reviewsReceived: ZCount.describe('收到的送审（审核轮次）数'),
  casesReviewed: ZCount.describe('出具审核意见的重大执法决定（案件）数'),
  opinionsIssued: ZCount.describe('出具的审核意见数'),
  opinionsIssuedLate: ZCount.describe('逾期出具的审核意见数（晚于 10 个工作日的审核期限）'),
  opinionsByKind: z.object(
    Object.fromEntries(reviewOutcomeKeys.map((k) => [k, ZCount])) as Record<
      (typeof reviewOutcomeKeys)[number],
      typeof ZCount
    >,
  ),
});
export type TLegalReviewStatistics = z.infer<typeof ZLegalReviewStatistics>;

export const inspectionResultKeys = ['noProblem', 'rectificationOrdered', 'caseOpened', 'notFound'] as const;
/** 抽查结果 (000 §17), as staff and the public read them (the inspection service's words too). */
export const inspectionResultLabel = {
  noProblem: '未发现问题',
  rectificationOrdered: '发现问题，已责令整改',
  caseOpened: '立案查处',
  notFound: '未找到',
} as const satisfies Record<(typeof inspectionResultKeys)[number], string>;

/** inspection: published tasks whose inspection ended in the period, their drawn objects and results. */
export const ZInspectionPeriodStatistics = z.object({
  period: ZStatisticsPeriod,
  tasks: ZCount.describe('检查结束于期间内的已公布抽查任务数'),
  objectsDrawn: ZCount.describe('抽取的检查对象数（现行抽取结果）'),
  results: z.object(
    Object.fromEntries(inspectionResultKeys.map((k) => [k, ZCount])) as Record<
      (typeof inspectionResultKeys)[number],
      typeof ZCount
    >,
  ),
  pending: ZCount.describe('尚未登记结果的对象数'),
  tasksResultsPublished: ZCount.describe('结果已公示的任务数'),
  tasksResultsPublishedLate: ZCount.describe('结果逾期公示的任务数'),
});
export type TInspectionPeriodStatistics = z.infer<typeof ZInspectionPeriodStatistics>;
