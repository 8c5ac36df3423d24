import { ZHolidayYear, describeIssues } from './holiday-year';

const PAPER = 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm';

const problemsOf = (raw: unknown): string[] => {
  const result = ZHolidayYear.safeParse(raw);
  return result.success ? [] : describeIssues(result.error);
};

describe('ZHolidayYear', () => {
  it('accepts a holiday-cn file as published, dropping its extra keys', () => {
    const parsed = ZHolidayYear.parse({
      $schema: 'https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json',
      $id: 'https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/2025.json',
      year: 2025,
      papers: [PAPER],
      days: [{ name: '元旦', date: '2025-01-01', isOffDay: true }],
    });
    expect(parsed).toEqual({
      year: 2025,
      papers: [PAPER],
      days: [{ name: '元旦', date: '2025-01-01', isOffDay: true }],
    });
  });

  it("accepts the previous December (a notice's 元旦 can reach back, as holiday-cn's 2023.json does)", () => {
    expect(
      problemsOf({
        year: 2023,
        papers: [PAPER],
        days: [
          { name: '元旦', date: '2022-12-31', isOffDay: true },
          { name: '元旦', date: '2023-01-01', isOffDay: true },
        ],
      }),
    ).toEqual([]);
  });

  it('rejects the empty placeholder holiday-cn publishes before a notice exists', () => {
    expect(problemsOf({ year: 2027, papers: [], days: [] })).toEqual([
      'papers: papers 不能为空：每一年都必须注明所依据的国务院办公厅通知网址',
      'days: days 不能为空',
    ]);
  });

  it('lists every problem at once, each with its path', () => {
    expect(
      problemsOf({
        year: 2025,
        papers: [PAPER, 'not a url'],
        days: [
          { name: '元旦', date: '2025-01-01', isOffDay: true },
          { name: '春节', date: '2025-02-30', isOffDay: true },
          { name: '春节', date: '2026-01-01', isOffDay: true },
          { name: '春节', date: '2024-11-30', isOffDay: false },
          { name: '元旦', date: '2025-01-01', isOffDay: true },
          { name: '', date: '2025-05-01', isOffDay: 'yes' },
          { date: '2025-05-02', isOffDay: true },
        ],
      }),
    ).toEqual([
      'papers[1]: 通知网址必须是 http(s) 网址',
      'days[1].date: 不是有效日期（应为 YYYY-MM-DD）：2025-02-30',
      'days[5].name: 节日名称不能为空',
      'days[5].isOffDay: isOffDay 必须是 true（休息）或 false（调休上班）',
      'days[6].name: 缺少 name',
      'days[2].date: 日期 2026-01-01 不属于 2025 年（只允许 2025 年内的日期，或 2024 年 12 月的跨年调休）',
      'days[3].date: 日期 2024-11-30 不属于 2025 年（只允许 2025 年内的日期，或 2024 年 12 月的跨年调休）',
      'days[4].date: 日期 2025-01-01 重复（与 days[0] 相同）',
    ]);
  });

  it('still reports duplicates when the year itself is wrong', () => {
    expect(
      problemsOf({
        year: '2025',
        papers: [PAPER],
        days: [
          { name: '元旦', date: '2025-01-01', isOffDay: true },
          { name: '元旦', date: '2025-01-01', isOffDay: true },
        ],
      }),
    ).toEqual(['year: year 必须是数字，例如 2027', 'days[1].date: 日期 2025-01-01 重复（与 days[0] 相同）']);
  });

  it.each([
    [null, ['内容必须是 JSON 对象 { "year": …, "papers": […], "days": […] }']],
    [[], ['内容必须是 JSON 对象 { "year": …, "papers": […], "days": […] }']],
    [{}, ['year: 缺少 year', 'papers: 缺少 papers', 'days: 缺少 days']],
    [
      { year: 2025.5, papers: 'x', days: {} },
      ['year: year 必须是整数', 'papers: papers 必须是网址数组', 'days: days 必须是数组'],
    ],
  ])('explains a wrong shape: %p', (raw, expected) => {
    expect(problemsOf(raw)).toEqual(expected);
  });
});
