/**
 * A calendar date (`YYYY-MM-DD`, already a Beijing date) to and from a PostgreSQL `date` column:
 * Prisma reads and writes such a column as UTC midnight of that date, so the UTC date of the Date is
 * the stored calendar date. Only for `date` columns; an instant is turned into a Beijing date with
 * `dateInShanghai`.
 */
export const toDateColumn = (isoDate: string): Date => new Date(`${isoDate}T00:00:00.000Z`);
export const fromDateColumn = (date: Date): string => date.toISOString().slice(0, 10);
