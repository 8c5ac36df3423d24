import type { Prisma } from '../generated/prisma/client';
import type { TTx } from './prisma-client';

/** Who acts: a person from the verified token, or the workflow's machine identity. */
export interface TActor {
  id: string;
  name: string;
  requestId?: string | undefined;
}

/** Written inside the transaction of the change it describes: no change without its audit event. */
export async function writeAudit(
  tx: TTx,
  actor: TActor,
  action: string,
  subject: string,
  details: Record<string, unknown> = {},
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

export const disclosureSubject = (id: string) => `disclosure:${id}`;

export async function listAudit(tx: TTx, subject: string) {
  return tx.auditEvent.findMany({ where: { subject }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
}
