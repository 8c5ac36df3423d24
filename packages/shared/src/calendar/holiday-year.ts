import { z } from 'zod';
import { isIsoDate } from './iso-date';

/** Error text for a wrong type, distinguishing a missing field (the common mistake in hand edits). */
const typeError =
  (field: string, expected: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? `缺少 ${field}` : `${field} ${expected}`;

/** One dated entry of a State Council holiday notice: an off day, or a make-up workday (调休上班). */
export const ZHolidayDay = z.object({
  name: z
    .string({ error: typeError('name', '必须是字符串（节日名称）') })
    .trim()
    .min(1, '节日名称不能为空'),
  date: z
    .string({ error: typeError('date', '必须是 YYYY-MM-DD 格式的字符串') })
    .refine(isIsoDate, { error: (issue) => `不是有效日期（应为 YYYY-MM-DD）：${String(issue.input)}` }),
  isOffDay: z.boolean({ error: typeError('isOffDay', '必须是 true（休息）或 false（调休上班）') }),
});
export type THolidayDay = z.infer<typeof ZHolidayDay>;

const ZHolidayYearShape = z.object(
  {
    year: z
      .number({ error: typeError('year', '必须是数字，例如 2027') })
      .int('year 必须是整数')
      .min(1900, 'year 不能早于 1900')
      .max(9999, 'year 不能晚于 9999'),
    papers: z
      .array(z.url({ protocol: /^https?$/u, error: '通知网址必须是 http(s) 网址' }), {
        error: typeError('papers', '必须是网址数组'),
      })
      .min(1, 'papers 不能为空：每一年都必须注明所依据的国务院办公厅通知网址'),
    days: z.array(ZHolidayDay, { error: typeError('days', '必须是数组') }).min(1, 'days 不能为空'),
  },
  { error: '内容必须是 JSON 对象 { "year": …, "papers": […], "days": […] }' },
);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A year of the official calendar in the shape of NateScarlet/holiday-cn (`{ year, papers, days }`;
 * extra keys such as `$schema` are dropped). Dates must lie inside `year`; the only exception is
 * December of the year before, because a notice's 元旦 arrangement can reach back over New Year
 * (holiday-cn's 2007, 2008, 2012, 2019 and 2023 files do) and such a notice must stay importable.
 */
export const ZHolidayYear = ZHolidayYearShape.superRefine(
  (value, ctx) => {
    // Runs even when the shape has issues (see `when`), so that one pass reports every problem:
    // hence the value is read defensively.
    const raw: unknown = value;
    if (!isRecord(raw) || !Array.isArray(raw.days)) return;
    const year = typeof raw.year === 'number' && Number.isInteger(raw.year) ? raw.year : undefined;
    const firstIndexOf = new Map<string, number>();
    raw.days.forEach((day: unknown, index) => {
      if (!isRecord(day) || !isIsoDate(day.date)) return;
      const date = day.date;
      const path = ['days', index, 'date'];
      if (year !== undefined && !date.startsWith(`${year}-`) && !date.startsWith(`${year - 1}-12-`)) {
        ctx.addIssue({
          code: 'custom',
          path,
          input: date,
          message: `日期 ${date} 不属于 ${year} 年（只允许 ${year} 年内的日期，或 ${year - 1} 年 12 月的跨年调休）`,
        });
      }
      const first = firstIndexOf.get(date);
      if (first === undefined) {
        firstIndexOf.set(date, index);
      } else {
        ctx.addIssue({
          code: 'custom',
          path,
          input: date,
          message: `日期 ${date} 重复（与 days[${first}] 相同）`,
        });
      }
    });
  },
  { when: () => true },
);
export type THolidayYear = z.infer<typeof ZHolidayYear>;

const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text === '' ? name : `${text}.${name}`;
  }, '');

/** One readable line per problem, each naming the offending path, e.g. `days[3].date: …`. */
export const describeIssues = (error: z.ZodError): string[] =>
  error.issues.map((issue) => {
    const path = formatPath(issue.path);
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
