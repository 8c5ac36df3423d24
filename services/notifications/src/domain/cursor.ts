import { AppError } from '@sanxiang/shared';

/** Opaque keyset cursors: base64url of the sort key of the last row returned. */
export const encodeCursor = (parts: string[]): string =>
  Buffer.from(JSON.stringify(parts)).toString('base64url');

export function decodeCursor(cursor: string | undefined, size: number): string[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === size && parts.every((p) => typeof p === 'string'))
      return parts as string[];
  } catch {
    // answered below
  }
  throw new AppError('validation', '分页游标无效', {
    fields: [{ path: 'query.cursor', message: '分页游标无效，请从第一页重新查询' }],
  });
}
