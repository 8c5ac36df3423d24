import { type z } from 'zod';
import { ZEnv, profiles } from './schema';

/**
 * The README's configuration table, generated from the schema so the two cannot drift apart
 * (`npm run -s cli -- config reference` prints it; a test compares it with the README).
 */
export function configReferenceMarkdown(): string {
  const rows = Object.entries(ZEnv.shape).map(([name, schema]) => {
    const s = schema as z.ZodType;
    const parsedEmpty = s.safeParse(undefined);
    const required = parsedEmpty.success
      ? parsedEmpty.data === undefined
        ? 'optional'
        : `default \`${String(parsedEmpty.data)}\``
      : 'required';
    const usedBy = Object.entries(profiles)
      .filter(([, keys]) => (keys as readonly string[]).includes(name))
      .map(([profile]) => profile)
      .join(', ');
    return `| \`${name}\` | ${required} | ${usedBy} | ${s.description ?? ''} |`;
  });
  return ['| Variable | Required | Read by | Meaning |', '|---|---|---|---|', ...rows].join('\n');
}
