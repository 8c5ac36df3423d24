import { AppError, fieldError } from '@sanxiang/shared';
import { z } from 'zod';

/**
 * Opaque keyset cursors: base64url JSON of the last row's sort key. A cursor that does not decode
 * is a 400 naming `query.cursor`, never a silent first page.
 */
export function encodeCursor(key: Record<string, string>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor<S extends z.ZodType>(
  cursor: string | undefined,
  schema: S,
): z.infer<S> | undefined {
  if (cursor === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    raw = undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('validation', '以下字段不合法：翻页位置', {
      fields: [fieldError('query.cursor', '不是本列表给出的，请从第一页重新查询')],
    });
  }
  return parsed.data;
}

/** Rows fetched with `limit + 1`: the page, and the cursor of its last row if more follow. */
export function page<R, T>(
  rows: R[],
  limit: number,
  toItem: (row: R) => T,
  cursorOf: (row: R) => string,
): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(toItem), nextCursor: more && last ? cursorOf(last) : null };
}

export const ZLimit = z.coerce.number().int().min(1).max(200).default(50);

/** `?flag=true|false|1|0`. */
export const ZQueryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** A comma-separated list (`?status=pending,inReview`) or a repeated parameter. */
export const csvOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()) : v),
    z.array(item).min(1).max(10),
  );
