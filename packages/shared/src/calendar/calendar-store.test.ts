import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CalendarDataError,
  SHIPPED_CALENDAR_DIR,
  importYear,
  loadHolidayYears,
  loadWorkingDayCalendar,
} from './calendar-store';
import type { THolidayYear } from './holiday-year';

// Synthetic data: clearly not a notice, only for exercising the store.
const synthetic = (year: number, days: THolidayYear['days']): THolidayYear => ({
  year,
  papers: [`https://example.invalid/synthetic-${year}`],
  days,
});

let dir: string;
let inbox: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'calendar-store-'));
  inbox = path.join(dir, 'inbox');
  await fs.mkdir(inbox);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const writeInbox = async (name: string, content: unknown): Promise<string> => {
  const file = path.join(inbox, name);
  await fs.writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

const importError = async (promise: Promise<unknown>): Promise<CalendarDataError> => {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(CalendarDataError);
  return error as CalendarDataError;
};

describe('calendar store', () => {
  it('loads the shipped years, each validated', async () => {
    const years = await loadHolidayYears();
    expect(years.map((loaded) => [loaded.data.year, loaded.source])).toEqual([
      [2024, 'shipped'],
      [2025, 'shipped'],
      [2026, 'shipped'],
    ]);
    expect(years[0]?.file).toBe(path.join(SHIPPED_CALENDAR_DIR, '2024.json'));
  });

  it('treats a missing import directory as empty', async () => {
    const years = await loadHolidayYears({ importedDir: path.join(dir, 'does-not-exist') });
    expect(years).toHaveLength(3);
  });

  it('imports a new year and makes its deadlines final', async () => {
    const imported = path.join(dir, 'imported');
    const before = await loadWorkingDayCalendar({ importedDir: imported });
    // By law alone: 10-01..03 国庆节/中秋节, 10-04 补假 for Sunday 10-01.
    expect(before.addWorkingDays('2028-09-29', 1)).toEqual({ date: '2028-10-05', provisional: true });

    const file = await writeInbox(
      'holiday-2028.json',
      synthetic(2028, [
        { name: '测试', date: '2028-10-02', isOffDay: true },
        { name: '测试', date: '2028-09-30', isOffDay: false },
      ]),
    );
    const result = await importYear(file, imported);
    expect(result).toEqual({
      year: 2028,
      file: path.join(imported, '2028.json'),
      replaced: false,
      offDays: 1,
      makeUpWorkdays: 1,
    });

    const after = await loadWorkingDayCalendar({ importedDir: imported });
    expect(after.knownYears()).toEqual([2024, 2025, 2026, 2028]);
    expect(after.addWorkingDays('2028-09-29', 1)).toEqual({ date: '2028-09-30', provisional: false });
    expect(after.addWorkingDays('2028-09-29', 2)).toEqual({ date: '2028-10-03', provisional: false });
  });

  it('stores the year normalised: holiday-cn extras dropped, days sorted', async () => {
    const file = await writeInbox('2028.json', {
      $schema: 'https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json',
      ...synthetic(2028, [
        { name: 'b', date: '2028-10-02', isOffDay: true },
        { name: 'a', date: '2028-01-03', isOffDay: true },
      ]),
    });
    const { file: stored } = await importYear(file, dir);
    expect(JSON.parse(await fs.readFile(stored, 'utf8'))).toEqual(
      synthetic(2028, [
        { name: 'a', date: '2028-01-03', isOffDay: true },
        { name: 'b', date: '2028-10-02', isOffDay: true },
      ]),
    );
  });

  it('lets an imported year override the shipped year, and a re-import replace the import', async () => {
    const imported = path.join(dir, 'imported');
    // Pretend a corrected 2025 notice made 2025-12-31 an off day.
    const corrected = synthetic(2025, [{ name: '测试', date: '2025-12-31', isOffDay: true }]);
    const first = await importYear(await writeInbox('a.json', corrected), imported);
    expect(first.replaced).toBe(false);

    let calendar = await loadWorkingDayCalendar({ importedDir: imported });
    expect(calendar.isWorkingDay('2025-12-31')).toBe(false);
    // Replaced, not merged: the shipped National Day 2025 entries no longer apply.
    expect(calendar.isWorkingDay('2025-10-08')).toBe(true);
    const years = await loadHolidayYears({ importedDir: imported });
    expect(years.find((loaded) => loaded.data.year === 2025)?.source).toBe('imported');

    const second = await importYear(
      await writeInbox('b.json', synthetic(2025, [{ name: '测试', date: '2025-12-30', isOffDay: true }])),
      imported,
    );
    expect(second.replaced).toBe(true);
    calendar = await loadWorkingDayCalendar({ importedDir: imported });
    expect(calendar.isWorkingDay('2025-12-31')).toBe(true);
    expect(calendar.isWorkingDay('2025-12-30')).toBe(false);
    // No temp files left behind.
    expect(await fs.readdir(imported)).toEqual(['2025.json']);
  });

  it('refuses an invalid file, listing every problem, and stores nothing', async () => {
    const imported = path.join(dir, 'imported');
    const file = await writeInbox('bad.json', {
      year: 2027,
      papers: [],
      days: [
        { name: '元旦', date: '2027-02-30', isOffDay: true },
        { name: '元旦', date: '2028-01-01', isOffDay: true },
      ],
    });
    const error = await importError(importYear(file, imported));
    expect(error.problems).toEqual([
      'papers: papers 不能为空：每一年都必须注明所依据的国务院办公厅通知网址',
      'days[0].date: 不是有效日期（应为 YYYY-MM-DD）：2027-02-30',
      'days[1].date: 日期 2028-01-01 不属于 2027 年（只允许 2027 年内的日期，或 2026 年 12 月的跨年调休）',
    ]);
    expect(error.message).toContain(file);
    await expect(fs.readdir(imported)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('explains a missing file and broken JSON', async () => {
    expect((await importError(importYear(path.join(inbox, 'nope.json'), dir))).message).toMatch(
      /文件不存在/u,
    );
    const broken = await writeInbox('broken.json', '{ "year": 2027,');
    expect((await importError(importYear(broken, dir))).message).toMatch(/不是有效的 JSON/u);
  });

  it('accepts a UTF-8 BOM', async () => {
    const file = await writeInbox(
      'bom.json',
      `\uFEFF${JSON.stringify(synthetic(2028, [{ name: '测试', date: '2028-10-02', isOffDay: true }]))}`,
    );
    await expect(importYear(file, dir)).resolves.toMatchObject({ year: 2028 });
  });

  it('fails loudly on a corrupt or misnamed file in the import directory', async () => {
    await fs.writeFile(path.join(dir, '2028.json'), JSON.stringify(synthetic(2029, [])));
    await expect(loadHolidayYears({ importedDir: dir })).rejects.toBeInstanceOf(CalendarDataError);
    await fs.writeFile(
      path.join(dir, '2028.json'),
      JSON.stringify(synthetic(2029, [{ name: '测试', date: '2029-10-02', isOffDay: true }])),
    );
    await expect(loadHolidayYears({ importedDir: dir })).rejects.toThrow(
      /文件名年份与内容中的 year（2029）不一致/u,
    );
  });

  it('ignores files that are not <year>.json (temp files, notes)', async () => {
    await fs.writeFile(path.join(dir, '.2028.json.123.tmp'), '{');
    await fs.writeFile(path.join(dir, 'README.txt'), 'notes');
    await expect(loadHolidayYears({ importedDir: dir })).resolves.toHaveLength(3);
  });
});
