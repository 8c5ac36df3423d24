import { loadWorkingDayCalendar } from '../../calendar/calendar-store';
import { isIsoDate, toEpochDay, weekdayLabel } from '../../calendar/iso-date';
import { PROVISIONAL_TEXT } from '../../clocks/readable-clock';
import { formatDate } from '../../format/beijing-time';
import { MAX_WORKING_DAYS } from '../../calendar/working-day-calendar';
import { resolveCalendarDataDir } from '../../calendar/calendar-data-dir';
import { CliUsageError, EXIT_OK, type TCliCommand } from '../dispatcher';

const POSITIVE_INTEGER = /^[1-9]\d*$/u;

/**
 * `deadline <YYYY-MM-DD> <N>`: one stdout line in Chinese, the date first —
 * `2025-10-14（2025年10月14日 周二）`, and for a year without holiday data
 * `2028-03-06（2028年3月6日 周一；暂按法定节假日推算（当年调休安排未公布））`.
 * `--plain` prints issue 3's machine format: `YYYY-MM-DD`, plus ` provisional` when it is.
 */
export const deadlineCommand: TCliCommand = {
  path: ['deadline'],
  args: '<YYYY-MM-DD> <N>',
  summary:
    '计算自该日起（不含当日）第 N 个工作日；涉及尚无数据的年份时注明“暂按法定节假日推算”（--plain：仅输出日期，追加 provisional）',
  async run(allArgs, ctx) {
    const plain = allArgs.includes('--plain');
    const args = allArgs.filter((arg) => arg !== '--plain');
    const [date, count] = args;
    if (args.length !== 2 || date === undefined || count === undefined) {
      throw new CliUsageError('需要两个参数：起算日期和工作日数');
    }
    if (!isIsoDate(date)) throw new CliUsageError(`起算日期无效：${date}（应为 YYYY-MM-DD）`);
    if (!POSITIVE_INTEGER.test(count) || Number(count) > MAX_WORKING_DAYS) {
      throw new CliUsageError(`工作日数无效：${count}（应为 1 到 ${MAX_WORKING_DAYS} 的整数）`);
    }
    const calendar = await loadWorkingDayCalendar({ importedDir: resolveCalendarDataDir(ctx.env) });
    const due = calendar.addWorkingDays(date, Number(count));
    if (plain) {
      ctx.out(due.provisional ? `${due.date} provisional` : due.date);
      return EXIT_OK;
    }
    const weekday = weekdayLabel(toEpochDay(due.date));
    const note = due.provisional ? `；${PROVISIONAL_TEXT}` : '';
    ctx.out(`${due.date}（${formatDate(due.date)} ${weekday}${note}）`);
    return EXIT_OK;
  },
};
