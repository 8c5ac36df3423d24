import { z } from 'zod';

/** Ids of agencies, units and people: stable, URL-safe, chosen by the administrator. */
export const ZDirectoryId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][\w.:-]*$/u, '只能包含字母、数字及 . _ : -，且以字母或数字开头');
