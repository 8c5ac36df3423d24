import type { z } from 'zod';

/** zod issues as antd form field errors, by the same paths the services report (`party.name`). */
export function zodIssuesToFields(
  issues: z.core.$ZodIssue[],
): { name: (string | number)[]; errors: string[] }[] {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of issues) {
    const name = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  return [...byField.values()];
}
