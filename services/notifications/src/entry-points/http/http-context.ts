import { z } from 'zod';

/** Everyone with a desk: each reads their own inbox, tasks and preferences. */
export const staff = ['officer', 'reviewer', 'head', 'discloser', 'admin'] as const;
/** The supervision board is for heads and the legal-review office (docs/notifications.md). */
export const supervisors = ['head', 'reviewer'] as const;
export const system = ['system'] as const;

export const problem = (description: string) => ({ description, contentType: 'application/problem+json' });

export const ZLimit = (max: number, fallback: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);
export const ZCursor = z.string().min(1).max(500).optional();
