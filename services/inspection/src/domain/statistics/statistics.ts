import { z } from 'zod';
import { AppError, type TReader } from '@sanxiang/shared';
import { statisticsPeriodRange, type TInspectionPeriodStatistics } from '@sanxiang/shared/src/contracts';
import { publishedPlansWithDraws, publishedTasksEndedIn } from '../../data-access/plan-repository';
import { resultLabels } from '../results/results';

/** One row of the annual figures: a plan, an item, or the whole year. */
export const ZFigures = z.object({
  tasks: z.number().int().describe('已公布的抽查任务数'),
  objectsDrawn: z.number().int().describe('抽取的检查对象数（现行抽取结果）'),
  inspectorAssignments: z.number().int().describe('抽取的检查人员人次'),
  redraws: z.number().int().describe('重新抽取次数'),
  results: z.object({
    noProblem: z.number().int(),
    rectificationOrdered: z.number().int(),
    caseOpened: z.number().int(),
    notFound: z.number().int(),
  }),
  pending: z.number().int().describe('尚未登记结果的对象数'),
  casesOpened: z.number().int().describe('立案查处并已在记录系统立案的案件数'),
  tasksResultsPublished: z.number().int().describe('结果已公示的任务数'),
  tasksResultsPublishedLate: z
    .number()
    .int()
    .describe('结果逾期公示的任务数（晚于检查结束之日起20个工作日）'),
});
export type TFigures = z.infer<typeof ZFigures>;

export const ZInspectionStatistics = z.object({
  year: z.number().int(),
  plans: z.number().int().describe('已公布的抽查计划数'),
  total: ZFigures,
  byPlan: z.array(ZFigures.extend({ planId: z.string(), planName: z.string() })),
  byItem: z.array(ZFigures.extend({ itemCode: z.string(), itemName: z.string() })),
});
export type TInspectionStatistics = z.infer<typeof ZInspectionStatistics>;

const empty = (): TFigures => ({
  tasks: 0,
  objectsDrawn: 0,
  inspectorAssignments: 0,
  redraws: 0,
  results: { noProblem: 0, rectificationOrdered: 0, caseOpened: 0, notFound: 0 },
  pending: 0,
  casesOpened: 0,
  tasksResultsPublished: 0,
  tasksResultsPublishedLate: 0,
});

/**
 * 双随机 annual figures (统计年报): the year's published plans and their published tasks, counted
 * from the rows — each task's current draw (drawn objects, inspectors), its superseded draws
 * (redraws), each object's result, the cases opened for 立案查处, and whether the results were
 * published and by their due instant. Per plan, per item and in total.
 */
export async function computeInspectionStatistics(db: TReader, year: number): Promise<TInspectionStatistics> {
  const plans = await publishedPlansWithDraws(db, year);
  const total = empty();
  const byPlan: TInspectionStatistics['byPlan'] = [];
  const byItem = new Map<string, TInspectionStatistics['byItem'][number]>();
  for (const plan of plans) {
    const planRow = { planId: plan.id, planName: plan.name, ...empty() };
    byPlan.push(planRow);
    for (const task of plan.tasks) {
      const itemRow =
        byItem.get(task.item.code) ??
        byItem
          .set(task.item.code, { itemCode: task.item.code, itemName: task.item.name, ...empty() })
          .get(task.item.code)!;
      const current = task.draws.find((d) => d.supersededAt === null);
      const drawn = current?.objects ?? [];
      for (const f of [total, planRow, itemRow]) {
        f.tasks += 1;
        f.redraws += task.draws.filter((d) => d.supersededAt !== null).length;
        f.objectsDrawn += drawn.length;
        for (const o of drawn) {
          f.inspectorAssignments += o.inspectorIds.length;
          if (o.result) f.results[o.result] += 1;
          else f.pending += 1;
          if (o.result === 'caseOpened' && o.caseNumber) f.casesOpened += 1;
        }
        if (task.resultsPublishedAt) {
          f.tasksResultsPublished += 1;
          if (task.resultsDueAt && task.resultsPublishedAt > task.resultsDueAt)
            f.tasksResultsPublishedLate += 1;
        }
      }
    }
  }
  return {
    year,
    plans: plans.length,
    total,
    byPlan,
    byItem: [...byItem.values()].sort((a, b) => (a.itemCode < b.itemCode ? -1 : 1)),
  };
}

const cell = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/u.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const header = [
  '统计范围',
  '名称',
  '抽查任务数',
  '抽取对象数',
  '检查人员人次',
  '重新抽取次数',
  resultLabels.noProblem,
  resultLabels.rectificationOrdered,
  resultLabels.caseOpened,
  resultLabels.notFound,
  '未登记结果',
  '立案案件数',
  '结果已公示任务数',
  '逾期公示任务数',
];

const figures = (f: TFigures) => [
  f.tasks,
  f.objectsDrawn,
  f.inspectorAssignments,
  f.redraws,
  f.results.noProblem,
  f.results.rectificationOrdered,
  f.results.caseOpened,
  f.results.notFound,
  f.pending,
  f.casesOpened,
  f.tasksResultsPublished,
  f.tasksResultsPublishedLate,
];

/**
 * The figures as CSV (UTF-8 with BOM, CRLF, so that spreadsheet programs read the Chinese): one row
 * per plan, one per item, and the year's total with the number of plans.
 */
export function inspectionStatisticsCsv(s: TInspectionStatistics): string {
  const rows: (string | number)[][] = [header];
  for (const p of s.byPlan) rows.push(['抽查计划', p.planName, ...figures(p)]);
  for (const i of s.byItem) rows.push(['抽查事项', `${i.itemCode} ${i.itemName}`, ...figures(i)]);
  rows.push(['全年合计', `${s.year}年（抽查计划 ${s.plans} 个）`, ...figures(s.total)]);
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/**
 * The period's 双随机 figures for the composed 统计年报 and the monthly figures (GET
 * /internal/statistics, for the disclosure service): the published tasks whose inspection ended in
 * the period (by end date, Beijing calendar), their current draws' objects and results, and whether
 * their results were published, and by the due instant of the 20-working-day clock.
 */
export async function computeInspectionPeriodStatistics(
  db: TReader,
  period: string,
): Promise<TInspectionPeriodStatistics> {
  const range = statisticsPeriodRange(period);
  if (!range) throw new AppError('validation', `无法识别的统计期间 ${period}`);
  const tasks = await publishedTasksEndedIn(db, range.dates);
  const results = { noProblem: 0, rectificationOrdered: 0, caseOpened: 0, notFound: 0 };
  let objectsDrawn = 0;
  let pending = 0;
  for (const task of tasks)
    for (const draw of task.draws)
      for (const o of draw.objects) {
        objectsDrawn += 1;
        if (o.result) results[o.result] += 1;
        else pending += 1;
      }
  const published = tasks.filter((t) => t.resultsPublishedAt !== null);
  return {
    period,
    tasks: tasks.length,
    objectsDrawn,
    results,
    pending,
    tasksResultsPublished: published.length,
    tasksResultsPublishedLate: published.filter(
      (t) => t.resultsDueAt !== null && t.resultsPublishedAt! > t.resultsDueAt,
    ).length,
  };
}
