import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ZHolidayYear, describeIssues, type THolidayYear } from './holiday-year';
import { WorkingDayCalendar } from './working-day-calendar';

/** The years shipped with the code, one `<year>.json` per State Council notice. */
export const SHIPPED_CALENDAR_DIR = path.join(__dirname, 'data');

const YEAR_FILE = /^(\d{4})\.json$/u;

export type TCalendarYearSource = 'shipped' | 'imported';

export interface TLoadedHolidayYear {
  data: THolidayYear;
  source: TCalendarYearSource;
  file: string;
}

/** Bad calendar data: `problems` lists every issue, one readable line each (also in `message`). */
export class CalendarDataError extends Error {
  override readonly name = 'CalendarDataError';
  constructor(
    readonly summary: string,
    readonly problems: readonly string[] = [],
  ) {
    super([summary, ...problems.map((problem) => `  - ${problem}`)].join('\n'));
  }
}

// Duck-typed, not instanceof: errors from Node's fs may come from another realm (e.g. under jest).
const errorCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;

const messageOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);

/** Validates already-parsed JSON; throws {@link CalendarDataError} naming `label` and every problem. */
export const parseHolidayYear = (raw: unknown, label: string): THolidayYear => {
  const result = ZHolidayYear.safeParse(raw);
  if (!result.success)
    throw new CalendarDataError(`${label} 不是有效的节假日数据：`, describeIssues(result.error));
  return result.data;
};

const readJsonFile = async (file: string): Promise<unknown> => {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const reason = errorCode(error) === 'ENOENT' ? '文件不存在' : messageOf(error);
    throw new CalendarDataError(`无法读取 ${file}：${reason}`);
  }
  try {
    // Files saved by Windows editors often start with a BOM, which JSON.parse rejects.
    return JSON.parse(text.replace(/^\uFEFF/u, '')) as unknown;
  } catch (error) {
    throw new CalendarDataError(`${file} 不是有效的 JSON：${messageOf(error)}`);
  }
};

/**
 * Every `<year>.json` of a directory, validated. A missing directory holds no years (nothing has
 * been imported yet); an invalid file fails loudly, since deadlines must not silently change.
 */
export const readHolidayYearDir = async (
  dir: string,
  source: TCalendarYearSource,
): Promise<TLoadedHolidayYear[]> => {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
  const loaded: TLoadedHolidayYear[] = [];
  for (const name of names.sort()) {
    const match = YEAR_FILE.exec(name);
    if (!match) continue;
    const file = path.join(dir, name);
    const data = parseHolidayYear(await readJsonFile(file), file);
    if (data.year !== Number(match[1])) {
      throw new CalendarDataError(`${file}：文件名年份与内容中的 year（${data.year}）不一致`);
    }
    loaded.push({ data, source, file });
  }
  return loaded;
};

export interface TCalendarStoreOptions {
  /** Where imported years live (the caller passes its configured data dir); omitted → shipped only. */
  importedDir?: string;
  /** Overridable for tests. */
  shippedDir?: string;
}

/** Shipped years plus imported ones, an imported year replacing a shipped year of the same number. */
export const loadHolidayYears = async (
  options: TCalendarStoreOptions = {},
): Promise<TLoadedHolidayYear[]> => {
  const byYear = new Map<number, TLoadedHolidayYear>();
  for (const loaded of await readHolidayYearDir(options.shippedDir ?? SHIPPED_CALENDAR_DIR, 'shipped')) {
    byYear.set(loaded.data.year, loaded);
  }
  if (options.importedDir !== undefined) {
    for (const loaded of await readHolidayYearDir(options.importedDir, 'imported')) {
      byYear.set(loaded.data.year, loaded);
    }
  }
  return [...byYear.values()].sort((a, b) => a.data.year - b.data.year);
};

export const loadWorkingDayCalendar = async (
  options: TCalendarStoreOptions = {},
): Promise<WorkingDayCalendar> =>
  new WorkingDayCalendar((await loadHolidayYears(options)).map((loaded) => loaded.data));

export interface TImportResult {
  year: number;
  /** The stored file, `<dir>/<year>.json`. */
  file: string;
  /** True when an earlier import of the same year was replaced. */
  replaced: boolean;
  offDays: number;
  makeUpWorkdays: number;
}

const fileExists = async (file: string): Promise<boolean> =>
  fs.access(file).then(
    () => true,
    () => false,
  );

/** Validates parsed year data and stores it as `<dir>/<year>.json`, atomically. */
export const importYearData = async (
  raw: unknown,
  dir: string,
  label = '导入的数据',
): Promise<TImportResult> => {
  const data = parseHolidayYear(raw, label);
  const normalized: THolidayYear = {
    year: data.year,
    papers: data.papers,
    days: [...data.days].sort((a, b) => a.date.localeCompare(b.date)),
  };
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${data.year}.json`);
  const replaced = await fileExists(file);
  // Temp file + rename: a reader (or a crash) never sees a half-written year. The dot prefix keeps
  // the temp file out of readHolidayYearDir.
  const temp = path.join(dir, `.${data.year}.json.${process.pid}.${randomUUID()}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(`${JSON.stringify(normalized, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  return {
    year: data.year,
    file,
    replaced,
    offDays: data.days.filter((day) => day.isOffDay).length,
    makeUpWorkdays: data.days.filter((day) => !day.isOffDay).length,
  };
};

/** Reads a holiday-cn shaped JSON file, validates it and stores it as `<dir>/<year>.json`. */
export const importYear = async (file: string, dir: string): Promise<TImportResult> =>
  importYearData(await readJsonFile(file), dir, file);
