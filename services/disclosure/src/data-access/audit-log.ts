import { appendAudit } from '@sanxiang/shared';
import type { TTx } from './prisma-client';

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
  tx: TTx,
  actor: TActor,
  action: string,
  subject: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await appendAudit(tx, { actor, action, subject, details });
}

export const disclosureSubject = (id: string) => `disclosure:${id}`;

export async function listAudit(tx: TTx, subject: string) {
  return tx.auditEvent.findMany({ where: { subject }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
}
