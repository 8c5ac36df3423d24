import { createHash } from 'node:crypto';
import type { TDb, TTx } from './prisma-client';

/**
 * The audit trail (审计日志): append-only (a trigger refuses UPDATE/DELETE) and tamper-evident: each
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

/** The hash of the (empty) chain's predecessor. */
export const genesisHash = '0'.repeat(64);
// Any constant works; it only has to be the same for every writer of this table.
const auditLockKey = 0x5265_636f; // "Reco"

/** Appends one entry in the caller's transaction (the one that makes the change it reports). */
export async function appendAuditEvent(tx: TTx, entry: TAuditEntry): Promise<{ id: bigint; hash: string }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${auditLockKey})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
  const prevHash = last?.hash ?? genesisHash;
  // Millisecond precision: the column keeps exactly this, so the verifier recomputes the same hash.
  const at = new Date();
  const fields: THashedFields = {
    at: at.toISOString(),
    actorId: entry.actor.id,
    actorName: entry.actor.name,
    action: entry.action,
    subject: entry.subject,
    caseId: entry.caseId ?? null,
    details: entry.details ?? {},
    requestId: entry.context?.requestId ?? null,
    ip: entry.context?.ip ?? null,
  };
  const hash = chainHash(prevHash, fields);
  const row = await tx.auditEvent.create({
    data: {
      at,
      actorId: fields.actorId,
      actorName: fields.actorName,
      action: fields.action,
      subject: fields.subject,
      caseId: fields.caseId,
      details: fields.details as object,
      requestId: fields.requestId,
      ip: fields.ip,
      prevHash,
      hash,
    },
    select: { id: true },
  });
  return { id: row.id, hash };
}

/** Appends an entry in its own transaction (views and downloads, which change nothing else). */
export async function recordAuditEvent(db: TDb, entry: TAuditEntry): Promise<void> {
  await db.$transaction(async (tx) => {
    await appendAuditEvent(tx, entry);
  });
}

interface THashedFields {
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  subject: string;
  caseId: string | null;
  details: unknown;
  requestId: string | null;
  ip: string | null;
}

export function chainHash(prevHash: string, fields: THashedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

/** JSON with object keys sorted at every level: jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface TChainVerification {
  ok: boolean;
  checked: number;
  lastHash: string;
  /** The first entry that does not fit the chain, and why. */
  firstBroken?: { id: string; at: string; action: string; subject: string; problem: string };
}

/** Walks the whole chain in id order, in batches, and names the first entry that does not fit. */
export async function verifyAuditChain(db: TDb, batchSize = 1000): Promise<TChainVerification> {
  let prevHash = genesisHash;
  let checked = 0;
  let afterId: bigint | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: afterId === undefined ? {} : { id: { gt: afterId } },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (rows.length === 0) return { ok: true, checked, lastHash: prevHash };
    for (const row of rows) {
      const broken = (problem: string): TChainVerification => ({
        ok: false,
        checked,
        lastHash: prevHash,
        firstBroken: {
          id: row.id.toString(),
          at: row.at.toISOString(),
          action: row.action,
          subject: row.subject,
          problem,
        },
      });
      if (row.prevHash !== prevHash) {
        return broken(
          'prevHash does not match the previous entry: an entry before it was removed or altered',
        );
      }
      const expected = chainHash(prevHash, {
        at: row.at.toISOString(),
        actorId: row.actorId,
        actorName: row.actorName,
        action: row.action,
        subject: row.subject,
        caseId: row.caseId,
        details: row.details,
        requestId: row.requestId,
        ip: row.ip,
      });
      if (expected !== row.hash) return broken('content does not match its hash: the entry was altered');
      prevHash = row.hash;
      checked += 1;
    }
    afterId = rows[rows.length - 1]!.id;
  }
}
