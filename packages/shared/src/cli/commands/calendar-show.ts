import { loadHolidayYears } from '../../calendar/calendar-store';
import { toEpochDay, weekdayLabel } from '../../calendar/iso-date';
import { resolveCalendarDataDir } from '../../calendar/calendar-data-dir';
import { PROVISIONAL_TEXT } from '../../clocks/readable-clock';
import { CliUsageError, EXIT_FAILURE, EXIT_OK, type TCliCommand } from '../dispatcher';

const YEAR = /^\d{4}$/u;

/** `calendar show <year>`: the off days and make-up workdays of a year, and where they come from. */
export const calendarShowCommand: TCliCommand = {
  path: ['calendar', 'show'],
  args: '<year>',
  summary: '列出某年的休息日和调休上班日',
  async run(args, ctx) {
    const [yearText] = args;
    if (args.length !== 1 || yearText === undefined || !YEAR.test(yearText)) {
      throw new CliUsageError('需要一个参数：四位年份，例如 2026');
    }
    const year = Number(yearText);
    const loaded = await loadHolidayYears({ importedDir: resolveCalendarDataDir(ctx.env) });
    const entry = loaded.find((candidate) => candidate.data.year === year);
    if (!entry) {
      const known = loaded.map((candidate) => candidate.data.year).join('、');
      ctx.err(
        `没有 ${year} 年的节假日数据（已有：${known}）；该年的期限${PROVISIONAL_TEXT}，数据导入后重新计算。`,
      );
      return EXIT_FAILURE;
    }
    const days = [...entry.data.days].sort((a, b) => a.date.localeCompare(b.date));
    const line = (day: (typeof days)[number]): string =>
      `  ${day.date} ${weekdayLabel(toEpochDay(day.date))} ${day.name}`;
    ctx.out(`${year} 年（${entry.source === 'imported' ? '导入' : '内置'}数据：${entry.file}）`);
    ctx.out(`依据：${entry.data.papers.join(' ')}`);
    ctx.out('休息日：');
    days.filter((day) => day.isOffDay).forEach((day) => ctx.out(line(day)));
    ctx.out('调休上班日：');
    days.filter((day) => !day.isOffDay).forEach((day) => ctx.out(line(day)));
    return EXIT_OK;
  },
};
