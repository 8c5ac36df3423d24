import type { Prisma } from '../generated/prisma/client';
import type { TTx } from './transaction';

export interface TAuditActor {
  id: string;
  name: string;
  requestId?: string | undefined;
}

/** Who did what to which subject; call inside the transaction of the change itself. */
export async function writeAudit(
  tx: TTx,
  actor: TAuditActor,
  action: string,
  subject: string,
  details: Record<string, unknown> = {},
  at?: Date,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor.id,
      actorName: actor.name,
      action,
      subject,
      details: details as Prisma.InputJsonValue,
      requestId: actor.requestId ?? null,
      ...(at ? { at } : {}),
    },
  });
}

export const reviewSubject = (reviewId: string) => `review:${reviewId}`;
export const spotCheckSubject = (spotCheckId: string) => `spot-check:${spotCheckId}`;
export const filingSubject = (filingId: string) => `decision-filing:${filingId}`;
