import { appendAudit, type TAuditActor, type TTransaction } from '@sanxiang/shared';
import { prismaOf } from './prisma-client';

export type { TAuditActor };

/** Who did what to which subject; call inside the transaction of the change itself (the kit's writer). */
export async function writeAudit(
  tx: TTransaction,
  actor: TAuditActor,
  action: string,
  subject: string,
  details: Record<string, unknown> = {},
  at?: Date,
): Promise<void> {
  await appendAudit(prismaOf(tx), { actor, action, subject, details, at });
}

export const reviewSubject = (reviewId: string) => `review:${reviewId}`;
export const spotCheckSubject = (spotCheckId: string) => `spot-check:${spotCheckId}`;
export const filingSubject = (filingId: string) => `decision-filing:${filingId}`;
