/** A Beijing calendar date (`YYYY-MM-DD`) as PostgreSQL `date` (Prisma gives UTC midnight). */
export const toDbDate = (isoDate: string): Date => new Date(`${isoDate}T00:00:00.000Z`);
export const fromDbDate = (date: Date): string => date.toISOString().slice(0, 10);
