import { Workbook } from 'exceljs';
import { periodLabel, type TStatisticsRow } from './statistics';

const cell = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/u.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const header = ['类别', '项目', '数量'] as const;

/**
 * The period's figures as CSV (UTF-8 with BOM and CRLF, so that spreadsheet programs read the
 * Chinese): one row per figure, as statisticsTable() lists them.
 */
export function statisticsCsv(rows: TStatisticsRow[]): string {
  const lines = [header.join(','), ...rows.map((r) => [r.group, r.item, r.value].map(cell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The same rows as an Excel workbook (exceljs): one sheet 统计, a title line naming the period and
 * when it was counted, the header, then one row per figure with the number as a number.
 */
export async function statisticsXlsx(
  period: string,
  rows: TStatisticsRow[],
  countedAt: string,
): Promise<Buffer> {
  const book = new Workbook();
  book.creator = '三项制度平台';
  const sheet = book.addWorksheet('统计');
  sheet.columns = [{ width: 26 }, { width: 30 }, { width: 10 }];
  sheet.addRow([`${periodLabel(period)}行政执法统计（统计时间 ${countedAt}）`]);
  sheet.mergeCells('A1:C1');
  sheet.getRow(1).font = { bold: true, size: 13 };
  const head = sheet.addRow([...header]);
  head.font = { bold: true };
  for (const r of rows) sheet.addRow([r.group, r.item, r.value]);
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
