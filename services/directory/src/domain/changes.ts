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
