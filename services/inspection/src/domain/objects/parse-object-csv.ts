import { parse } from 'csv-parse/sync';
import { AppError } from '@sanxiang/shared';
import { usccProblem, usccProblemText } from './uscc';

/** One object of the pool as a CSV row gives it. */
export interface TObjectRow {
  row: number;
  uscc: string;
  name: string;
  kind: string;
  address: string;
  district: string;
}

export interface TRejectedRow {
  /** Row of the file as a spreadsheet numbers it (the header is row 1). */
  row: number;
  uscc: string;
  reason: string;
}

/** Accepted headers (Chinese as the agency's spreadsheets have them, or the field name). */
const headers: Record<keyof Omit<TObjectRow, 'row'>, readonly string[]> = {
  uscc: ['统一社会信用代码', 'uscc'],
  name: ['名称', '单位名称', '企业名称', 'name'],
  kind: ['类型', '主体类型', 'kind'],
  address: ['地址', '住所', 'address'],
  district: ['所属区域', '区域', 'district'],
};

export const maxImportRows = 20_000;

/**
 * Reads the object pool CSV (UTF-8, optional BOM, header row): every row is either accepted or
 * rejected with its row number and the reason in Chinese — an invalid 统一社会信用代码 (length,
 * characters, check digit), a missing name, or a code already given on an earlier row.
 */
export function parseObjectCsv(text: string): { rows: TObjectRow[]; rejected: TRejectedRow[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim()),
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as never;
  } catch (err) {
    throw new AppError(
      'unprocessable',
      `CSV 文件无法读取：${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (records.length > maxImportRows)
    throw new AppError('unprocessable', `一次最多导入 ${maxImportRows} 行，此文件有 ${records.length} 行`);
  const present = Object.keys(records[0]?.record ?? {});
  const column = (field: keyof typeof headers) => headers[field].find((h) => present.includes(h));
  const usccColumn = column('uscc');
  const nameColumn = column('name');
  if (records.length > 0 && (!usccColumn || !nameColumn))
    throw new AppError(
      'unprocessable',
      `CSV 首行须有“统一社会信用代码”和“名称”两列（现有列：${present.join('、') || '无'}）`,
    );
  if (records.length === 0) throw new AppError('unprocessable', 'CSV 文件没有数据行');
  const value = (record: Record<string, string>, field: keyof typeof headers) => {
    const c = column(field);
    return c ? (record[c] ?? '').trim() : '';
  };
  const rows: TObjectRow[] = [];
  const rejected: TRejectedRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { record, info } of records) {
    const row = info.lines;
    const uscc = value(record, 'uscc').toUpperCase().replace(/\s+/g, '');
    const name = value(record, 'name');
    const problem = usccProblem(uscc);
    if (uscc === '') rejected.push({ row, uscc, reason: '统一社会信用代码为空' });
    else if (problem) rejected.push({ row, uscc, reason: usccProblemText(problem) });
    else if (name === '') rejected.push({ row, uscc, reason: '名称为空' });
    else if (firstRowOf.has(uscc))
      rejected.push({ row, uscc, reason: `统一社会信用代码与第${firstRowOf.get(uscc)}行重复` });
    else {
      firstRowOf.set(uscc, row);
      rows.push({
        row,
        uscc,
        name,
        kind: value(record, 'kind'),
        address: value(record, 'address'),
        district: value(record, 'district'),
      });
    }
  }
  return { rows, rejected };
}
