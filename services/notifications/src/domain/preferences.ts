import type { TClockLevel } from '@sanxiang/shared/src/clocks';
import { z } from 'zod';
import { listEmailPreferences, saveEmailPreferences } from '../data-access/notification-repository';
import type { TDomainDeps } from './deps';

export const ZPreferences = z.object({
  /** E-mail per level: 0 到期提醒, 1 超期督办, 2 二次督办 (default on). */
  email: z.object({ level0: z.boolean(), level1: z.boolean(), level2: z.boolean() }),
  /** Escalations sent to a person as head (of a unit or the agency) are e-mailed regardless. */
  headEscalationsAlwaysEmailed: z.literal(true),
});
export type TPreferences = z.infer<typeof ZPreferences>;

export const ZPreferencesBody = z.object({
  email: z.object({
    level0: z.boolean().optional(),
    level1: z.boolean().optional(),
    level2: z.boolean().optional(),
  }),
});

const levels = [0, 1, 2] as const satisfies TClockLevel[];

export async function readPreferences(deps: TDomainDeps, personId: string): Promise<TPreferences> {
  const rows = await listEmailPreferences(deps.db, personId);
  const on = (level: number) => rows.find((r) => r.level === level)?.email ?? true;
  return { email: { level0: on(0), level1: on(1), level2: on(2) }, headEscalationsAlwaysEmailed: true };
}

/** Idempotent PUT: the levels named are set, the others kept. */
export async function savePreferences(
  deps: TDomainDeps,
  personId: string,
  body: z.infer<typeof ZPreferencesBody>,
): Promise<TPreferences> {
  await saveEmailPreferences(
    deps.db,
    personId,
    levels.flatMap((level) => {
      const email = body.email[`level${level}`];
      return email === undefined ? [] : [{ level, email }];
    }),
  );
  return readPreferences(deps, personId);
}
