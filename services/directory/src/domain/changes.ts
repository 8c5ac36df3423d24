/** The fields whose values differ, as `{ field: { before, after } }` (JSON comparison). */
export function changedFields(
  before: object | null,
  after: Record<string, unknown>,
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [field, value] of Object.entries(after)) {
    const old = (before as Record<string, unknown> | null)?.[field];
    if (JSON.stringify(old ?? null) !== JSON.stringify(value ?? null))
      changes[field] = { before: old ?? null, after: value ?? null };
  }
  return changes;
}

/** A Beijing calendar date (`YYYY-MM-DD`) as PostgreSQL `date` (Prisma gives UTC midnight). */
export const toDbDate = (isoDate: string): Date => new Date(`${isoDate}T00:00:00.000Z`);
export const fromDbDate = (date: Date): string => date.toISOString().slice(0, 10);
