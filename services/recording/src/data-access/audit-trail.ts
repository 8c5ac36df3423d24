import {
  appendAudit,
  verifyAuditChain as verifyChain,
  type TAuditChainVerification,
  type TAuditTable,
  type TDatabase,
  type TTransaction,
} from '@sanxiang/shared';
import { clientOf, prismaOf } from './prisma-client';
import { inTransaction } from './transaction';

/**
 * The audit trail (审计日志), written by the kit's one audit writer (packages/shared/src/kit/audit.ts)
 * with recording's own columns `caseId` and `ip`: append-only (a trigger refuses UPDATE/DELETE) and tamper-evident: each
 * entry stores the hash of the previous entry and its own hash over both, so editing or removing an
 * entry breaks the chain at that point. Appends are serialised by a transaction-scoped advisory lock
 * so that the chain has exactly one order, the order of ids.
 */

export interface TAuditActor {
  id: string;
  name: string;
}

export interface TAuditContext {
  requestId?: string | undefined;
  ip?: string | undefined;
}

export interface TAuditEntry {
  actor: TAuditActor;
  action: string;
  subject: string;
  caseId?: string | null;
  details?: Record<string, unknown>;
  context?: TAuditContext;
}

/** The service's own columns, hashed by the kit's writer with the common ones. */
const auditTable: TAuditTable = {
  extraColumns: [
    { name: 'caseId', type: 'uuid' },
    { name: 'ip', type: 'text' },
  ],
};

/** Appends one entry in the caller's transaction (the one that makes the change it reports). */
export async function appendAuditEvent(
  tx: TTransaction,
  entry: TAuditEntry,
): Promise<{ id: bigint; hash: string }> {
  const written = await appendAudit(
    prismaOf(tx),
    {
      actor: { ...entry.actor, requestId: entry.context?.requestId },
      action: entry.action,
      subject: entry.subject,
      details: entry.details,
      extra: { caseId: entry.caseId ?? null, ip: entry.context?.ip ?? null },
    },
    auditTable,
  );
  return { id: BigInt(written.id), hash: written.hash };
}

/** Appends an entry in its own transaction (views and downloads, which change nothing else). */
export async function recordAuditEvent(db: TDatabase, entry: TAuditEntry): Promise<void> {
  await inTransaction(db, async (tx) => {
    await appendAuditEvent(tx, entry);
  });
}

/** Walks the whole chain in id order, in batches, and names the first entry that does not fit. */
export const verifyAuditChain = (db: TDatabase, batchSize = 1000): Promise<TAuditChainVerification> =>
  verifyChain(clientOf(db), auditTable, batchSize);
