import { appendAudit, type TDatabase, type TReader, type TTransaction } from '@sanxiang/shared';
import { clientOf, prismaOf } from './prisma-client';

/** Who acts: a person from the verified token, or the workflow's machine identity. */
export interface TActor {
  id: string;
  name: string;
  requestId?: string | undefined;
}

/**
 * Written inside the transaction of the change it describes: no change without its audit event
 * (the kit's append-only, hash-chained writer).
 */
export async function writeAudit(
  tx: TTransaction,
  actor: TActor,
  action: string,
  subject: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await appendAudit(prismaOf(tx), { actor, action, subject, details });
}

/** An event in a transaction of its own (the chain is appended under a lock), e.g. a refused read. */
export async function writeAuditAlone(
  db: TDatabase,
  actor: TActor,
  action: string,
  subject: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await clientOf(db).$transaction((tx) => appendAudit(tx, { actor, action, subject, details }));
}

export const disclosureSubject = (id: string) => `disclosure:${id}`;

export async function listAudit(tx: TReader, subject: string) {
  return prismaOf(tx).auditEvent.findMany({ where: { subject }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
}
