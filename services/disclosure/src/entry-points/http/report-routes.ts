import { z } from 'zod';
import type { Api } from '@sanxiang/shared';
import { annualStatisticsCsv } from '../../domain/reports/annual-statistics-csv';
import { designateBlacklist, ZDesignateBlacklist } from '../../domain/decisions/designate-blacklist';
import { toDisclosureView, ZDisclosureView } from '../../domain/decisions/disclosure-view';
import { getPublicReport, listPublicReports } from '../../domain/catalogue/get-public-catalogue';
import {
  computeAnnualStatistics,
  computeDisclosureFigures,
  preparePeriodicReport,
  ZPrepareReport,
} from '../../domain/reports/prepare-periodic-report';
import {
  collectServiceFigures,
  statisticsTable,
  ZStatisticsReport,
  type TStatisticsReport,
} from '../../domain/reports/statistics';
import { statisticsCsv, statisticsXlsx } from '../../domain/reports/statistics-export';
import { formatDateTime } from '@sanxiang/shared';
import { ZStatisticsQuery } from '@sanxiang/shared/src/contracts';
import { roles } from '../../domain/decisions/review-policy';
import { actorOf, problemResponses, ZIdParams, type TRouteDeps } from './route-support';

const ZYearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

/** A period's figures from every service: the disclosure service's own and the others' (composed). */
async function composeStatistics(deps: TRouteDeps, period: string): Promise<TStatisticsReport> {
  const [own, services] = await Promise.all([
    computeDisclosureFigures(deps.db, period),
    collectServiceFigures(deps.statisticsSources, period),
  ]);
  const figures = { ...own, services };
  return { period, ...figures, table: statisticsTable(figures) };
}

/** Periodic reports (Schedules), the blacklist designation and the annual statistics export. */
export function registerReportRoutes(api: Api, deps: TRouteDeps): void {
  api.route({
    method: 'post',
    path: '/internal/reports',
    summary: '定时任务：生成随机抽查结果、失信惩戒名单或统计年报的公示草稿（按类别+期间幂等）',
    tags: ['internal'],
    access: roles.system,
    idempotent: true,
    request: { body: ZPrepareReport },
    responses: {
      201: { description: '已生成草稿' },
      200: { description: '该期间已有' },
      ...problemResponses,
    },
    handler: async ({ idempotency, body, principal, req }) => {
      // The annual statistics compose what each service counted (asked before the transaction).
      const services =
        body.kind === 'annualStatistics'
          ? await collectServiceFigures(deps.statisticsSources, body.period)
          : undefined;
      return deps.uow(actorOf(principal, req), idempotency, (ctx) =>
        preparePeriodicReport(ctx, body, services),
      );
    },
  });

  api.route({
    method: 'post',
    path: '/disclosures/{id}/blacklist',
    summary: '将已公示的行政处罚决定列入失信惩戒名单（季度名单据此生成）',
    tags: ['disclosures'],
    access: roles.blacklist,
    idempotent: true,
    request: { params: ZIdParams, body: ZDesignateBlacklist },
    responses: { 200: { description: 'OK', schema: ZDisclosureView }, ...problemResponses },
    handler: async ({ idempotency, params, body, principal, req }) => {
      await deps.access.assert(principal, params.id, 'edit');
      return deps.uow(actorOf(principal, req), idempotency, async (ctx) => ({
        status: 200,
        body: toDisclosureView(await designateBlacklist(ctx, params.id, body)),
      }));
    },
  });

  api.route({
    method: 'get',
    path: '/reports/annual-statistics',
    summary: '统计年报数据（按决定类别、不予公开、撤下、公示及时性）',
    tags: ['reports'],
    access: roles.statistics,
    request: { query: ZYearQuery },
    handler: async ({ query }) => ({ body: await computeAnnualStatistics(deps.db, query.year) }),
  });

  api.route({
    method: 'get',
    path: '/reports/annual-statistics.csv',
    summary: '导出统计年报（CSV，UTF-8）',
    tags: ['reports'],
    access: roles.statistics,
    request: { query: ZYearQuery },
    responses: { 200: { description: 'CSV', contentType: 'text/csv' } },
    handler: async ({ query, res }) => {
      const csv = annualStatisticsCsv(await computeAnnualStatistics(deps.db, query.year));
      res
        .status(200)
        .set({
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="annual-statistics-${query.year}.csv"`,
        })
        .send(csv);
    },
  });

  api.route({
    method: 'get',
    path: '/reports/statistics',
    summary:
      '统计年报与月度统计（period=2026 或 2026-03）：立案结案、决定类别、法制审核及各类意见、双随机抽查及结果、逾期上传证据、公示及时性、不予公开、撤下、更正',
    tags: ['reports'],
    access: roles.statistics,
    request: { query: ZStatisticsQuery },
    responses: { 200: { description: '统计', schema: ZStatisticsReport }, ...problemResponses },
    handler: async ({ query }) => ({ body: await composeStatistics(deps, query.period) }),
  });

  api.route({
    method: 'get',
    path: '/reports/statistics.csv',
    summary: '导出统计年报或月度统计（CSV，UTF-8）',
    tags: ['reports'],
    access: roles.statistics,
    request: { query: ZStatisticsQuery },
    responses: { 200: { description: 'CSV', contentType: 'text/csv' }, ...problemResponses },
    handler: async ({ query, res }) => {
      const report = await composeStatistics(deps, query.period);
      res
        .status(200)
        .set({
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="statistics-${query.period}.csv"`,
        })
        .send(statisticsCsv(report.table));
    },
  });

  api.route({
    method: 'get',
    path: '/reports/statistics.xlsx',
    summary: '导出统计年报或月度统计（Excel 工作簿）',
    tags: ['reports'],
    access: roles.statistics,
    request: { query: ZStatisticsQuery },
    responses: {
      200: {
        description: 'XLSX',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      ...problemResponses,
    },
    handler: async ({ query, res }) => {
      const report = await composeStatistics(deps, query.period);
      const xlsx = await statisticsXlsx(query.period, report.table, formatDateTime(deps.now()));
      res
        .status(200)
        .set({
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': `attachment; filename="statistics-${query.period}.xlsx"`,
        })
        .send(xlsx);
    },
  });

  api.route({
    method: 'get',
    path: '/api/public/reports',
    summary: '已发布的随机抽查结果、失信惩戒名单和统计年报',
    tags: ['public'],
    access: 'public',
    handler: async () => ({ body: await listPublicReports(deps.publicReads) }),
  });

  api.route({
    method: 'get',
    path: '/api/public/reports/{id}',
    summary: '一份已发布的报告',
    tags: ['public'],
    access: 'public',
    request: { params: ZIdParams },
    handler: async ({ params }) => ({ body: await getPublicReport(deps.publicReads, params.id) }),
  });
}
