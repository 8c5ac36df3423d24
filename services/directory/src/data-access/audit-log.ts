import type { Prisma } from '../generated/prisma/client';
import type { TTx } from './transaction';

export interface TAuditActor {
  id: string;
  name: string;
  requestId?: string | undefined;
}

/** Who changed what, when; call inside the transaction of the change itself. */
export async function writeAudit(
  tx: TTx,
  actor: TAuditActor,
  action: string,
  subject: string,
  details: Record<string, unknown>,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor.id,
      actorName: actor.name,
      action,
      subject,
      details: details as Prisma.InputJsonValue,
      requestId: actor.requestId ?? null,
    },
  });
}

/** The audit events of a subject, oldest first. */
export const listAuditEvents = (db: Pick<TTx, 'auditEvent'>, subject: string, limit: number) =>
  db.auditEvent.findMany({ where: { subject }, orderBy: { id: 'asc' }, take: limit });

export const agencySubject = (id: string) => `agency:${id}`;
export const unitSubject = (id: string) => `unit:${id}`;
export const personSubject = (id: string) => `person:${id}`;
export const certificateSubject = (number: string) => `certificate:${number}`;
