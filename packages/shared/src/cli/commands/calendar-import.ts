import { importYear } from '../../calendar/calendar-store';
import { resolveCalendarDataDir } from '../../calendar/calendar-data-dir';
import { CliUsageError, EXIT_OK, type TCliCommand } from '../dispatcher';
import { afterYearImported, type TPostImportStep } from '../post-import';

/** `calendar import <file>`: validates a holiday-cn shaped year and stores it in the data dir. */
export const createCalendarImportCommand = (postImportSteps: readonly TPostImportStep[]): TCliCommand => ({
  path: ['calendar', 'import'],
  args: '<file>',
  summary: '导入一年的节假日安排（holiday-cn 格式 JSON，须注明国务院办公厅通知网址），覆盖同年份数据',
  async run(args, ctx) {
    const [file] = args;
    if (args.length !== 1 || file === undefined) throw new CliUsageError('需要一个参数：JSON 文件路径');
    const dataDir = resolveCalendarDataDir(ctx.env);
    const imported = await importYear(file, dataDir);
    ctx.out(
      `已导入 ${imported.year} 年节假日安排：休息日 ${imported.offDays} 天，调休上班日 ${imported.makeUpWorkdays} 天` +
        `${imported.replaced ? '（替换了此前导入的同年数据）' : ''}，保存于 ${imported.file}`,
    );
    await afterYearImported(imported, postImportSteps, ctx);
    return EXIT_OK;
  },
});
