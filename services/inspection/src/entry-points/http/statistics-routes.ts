import type { Api } from '@sanxiang/shared';
import { z } from 'zod';
import type { TDomainDeps } from '../../domain/deps';
import {
  statisticsInternalPath,
  ZInspectionPeriodStatistics,
  ZStatisticsQuery,
} from '@sanxiang/shared/src/contracts';
import {
  computeInspectionPeriodStatistics,
  computeInspectionStatistics,
  inspectionStatisticsCsv,
  ZInspectionStatistics,
} from '../../domain/statistics/statistics';

/** Who reads the year's figures: those who compile the annual report and lead the work. */
const readers = ['head', 'discloser', 'admin'] as const;

const ZYearQuery = z.object({
  year: z.coerce
    .number({ error: '年度须为数字，如 2026' })
    .int({ error: '年度须为整数' })
    .min(2000, { error: '年度不能早于 2000' })
    .max(2100, { error: '年度不能晚于 2100' }),
});

/** 统计年报's 双随机 figures: per plan, per item, in total; JSON and CSV. */
export function statisticsRoutes(api: Api, deps: TDomainDeps): void {
  api.route({
    method: 'get',
    path: statisticsInternalPath,
    summary: '公示服务（统计年报、月度统计）：检查结束于期间内的抽查任务、抽取对象、各类结果及公示及时性',
    tags: ['internal'],
    access: ['system'],
    request: { query: ZStatisticsQuery },
    responses: { 200: { description: '统计', schema: ZInspectionPeriodStatistics } },
    handler: async ({ query }) => ({
      body: await computeInspectionPeriodStatistics(deps.db, query.period),
    }),
  });

  api.route({
    method: 'get',
    path: '/statistics',
    summary:
      '年度双随机抽查统计：按计划、按事项及合计（任务、抽取对象、检查人员人次、各类结果、立案、公示及时性）',
    tags: ['statistics'],
    access: readers,
    request: { query: ZYearQuery },
    responses: { 200: { description: '统计', schema: ZInspectionStatistics } },
    handler: async ({ query }) => ({ body: await computeInspectionStatistics(deps.db, query.year) }),
  });

  api.route({
    method: 'get',
    path: '/statistics.csv',
    summary: '导出年度双随机抽查统计（CSV，UTF-8）',
    tags: ['statistics'],
    access: readers,
    request: { query: ZYearQuery },
    responses: { 200: { description: 'CSV', contentType: 'text/csv' } },
    handler: async ({ query, res }) => {
      const csv = inspectionStatisticsCsv(await computeInspectionStatistics(deps.db, query.year));
      res
        .status(200)
        .set({
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="inspection-statistics-${query.year}.csv"`,
        })
        .send(csv);
    },
  });
}
