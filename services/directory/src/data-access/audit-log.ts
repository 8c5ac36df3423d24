import { appendAudit, type TAuditActor, type TReader, type TTransaction } from '@sanxiang/shared';
import { prismaOf } from './prisma-client';

export type { TAuditActor };

/** Who changed what, when; call inside the transaction of the change itself (the kit's writer). */
export async function writeAudit(
  tx: TTransaction,
  actor: TAuditActor,
  action: string,
  subject: string,
  details: Record<string, unknown>,
): Promise<void> {
  await appendAudit(prismaOf(tx), { actor, action, subject, details });
}

/** The audit events of a subject, oldest first. */
export const listAuditEvents = (db: TReader, subject: string, limit: number) =>
  prismaOf(db).auditEvent.findMany({ where: { subject }, orderBy: { id: 'asc' }, take: limit });

export const agencySubject = (id: string) => `agency:${id}`;
export const unitSubject = (id: string) => `unit:${id}`;
export const personSubject = (id: string) => `person:${id}`;
export const certificateSubject = (number: string) => `certificate:${number}`;
