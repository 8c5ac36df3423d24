import { appendAudit, type TAuditActor, type TTransaction } from '@sanxiang/shared';
import { prismaOf } from './prisma-client';

export type { TAuditActor };

/** Who did what to which subject; inside the transaction of the change (the kit's hash-chained writer). */
export const writeAudit = (
  tx: TTransaction,
  actor: TAuditActor,
  action: string,
  subject: string,
  details: Record<string, unknown> = {},
) => appendAudit(prismaOf(tx), { actor, action, subject, details });

export const itemSubject = (code: string) => `item:${code}`;
export const objectSubject = (uscc: string) => `object:${uscc}`;
export const importSubject = (id: string) => `object-import:${id}`;
export const conflictSubject = (id: string) => `conflict:${id}`;
export const planSubject = (id: string) => `plan:${id}`;
export const taskSubject = (id: string) => `task:${id}`;
