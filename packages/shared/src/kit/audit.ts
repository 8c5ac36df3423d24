import { canonicalJson, sha256Hex } from './canonical-json';
import { jsonParam, type TSqlClient } from './sql';

/**
 * The one audit writer (docs/decisions.md, "One service kit"): who did what to which subject, when,
 * written in the transaction of the change it reports. The table is append-only (a trigger refuses
 * UPDATE and DELETE) and tamper-evident: each entry stores the hash of the previous entry and its
 * own hash, SHA-256 over the previous hash and the RFC 8785 canonical JSON of its fields, so editing
 * or removing an entry breaks the chain there. Appends are serialised by a transaction-scoped
 * advisory lock, so the chain has exactly one order, the order of ids. Each service keeps its own
 * `AuditEvent` table; a service may add columns of its own (recording: `caseId`, `ip`), which are
 * then hashed too. Entries written before a service adopted the chain have no hash and are skipped.
 */

export interface TAuditActor {
  id: string;
  name: string;
  requestId?: string | undefined;
}

export interface TAuditEntry {
  actor: TAuditActor;
  action: string;
  subject: string;
  details?: Record<string, unknown> | undefined;
  /** Defaults to now; kept to the millisecond (the column's precision), as hashed. */
  at?: Date | undefined;
  /** Values of the service's own columns (declared in its {@link TAuditTable}). */
  extra?: Record<string, string | null | undefined> | undefined;
}

export interface TAuditTable {
  /** The service's own columns, in the order they are hashed (uuid columns are cast). */
  extraColumns?: readonly { name: string; type?: 'text' | 'uuid' }[];
}

/** The hash of the (empty) chain's predecessor. */
export const genesisHash = '0'.repeat(64);
// The constant recording's chain has always used ("Reco"): one chain per database.
const auditLockKey = 0x5265_636f;

export type THashedAuditFields = {
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  subject: string;
  details: unknown;
  requestId: string | null;
} & Record<string, unknown>;

export const auditChainHash = (prevHash: string, fields: THashedAuditFields): string =>
  sha256Hex(prevHash, canonicalJson(fields));

const quoteColumn = (name: string): string => {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`bad audit column name ${name}`);
  return `"${name}"`;
};

/** Appends one entry in the caller's transaction. */
export async function appendAudit(
  tx: TSqlClient,
  entry: TAuditEntry,
  table: TAuditTable = {},
): Promise<{ id: string; hash: string }> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock($1)`, auditLockKey);
  const [last] = await tx.$queryRawUnsafe<{ hash: string }[]>(
    `SELECT "hash" FROM "AuditEvent" WHERE "hash" IS NOT NULL ORDER BY "id" DESC LIMIT 1`,
  );
  const prevHash = last?.hash ?? genesisHash;
  const at = new Date(Math.floor((entry.at ?? new Date()).getTime()));
  const extras = table.extraColumns ?? [];
  const fields: THashedAuditFields = {
    at: at.toISOString(),
    actorId: entry.actor.id,
    actorName: entry.actor.name,
    action: entry.action,
    subject: entry.subject,
    details: entry.details ?? {},
    requestId: entry.actor.requestId ?? null,
  };
  for (const column of extras) fields[column.name] = entry.extra?.[column.name] ?? null;
  const hash = auditChainHash(prevHash, fields);
  const names = extras.map((c) => quoteColumn(c.name));
  const placeholders = extras.map((c, i) => `$${10 + i}${c.type === 'uuid' ? '::uuid' : ''}`);
  const [row] = await tx.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO "AuditEvent" ("at", "actorId", "actorName", "action", "subject", "details", "requestId", "prevHash", "hash"${names.map((n) => `, ${n}`).join('')})
     VALUES ($1::timestamptz, $2, $3, $4, $5, $6::jsonb, $7, $8, $9${placeholders.map((p) => `, ${p}`).join('')})
     RETURNING "id"::text AS "id"`,
    at,
    fields.actorId,
    fields.actorName,
    fields.action,
    fields.subject,
    jsonParam(fields.details),
    fields.requestId,
    prevHash,
    hash,
    ...extras.map((c) => fields[c.name]),
  );
  return { id: row!.id, hash };
}

export interface TAuditChainVerification {
  ok: boolean;
  checked: number;
  lastHash: string;
  /** The first entry that does not fit the chain, and why. */
  firstBroken?: {
    id: string;
    at: string;
    action: string;
    subject: string;
    problem: string;
    /** `unlinked`: its prevHash is not the previous entry's hash; `altered`: its content is not its hash. */
    reason: 'unlinked' | 'altered';
  };
}

/** Walks the whole chain in id order, in batches, and names the first entry that does not fit. */
export async function verifyAuditChain(
  db: TSqlClient,
  table: TAuditTable = {},
  batchSize = 1000,
): Promise<TAuditChainVerification> {
  const extras = table.extraColumns ?? [];
  const extraSelect = extras
    .map((c) => `, ${quoteColumn(c.name)}${c.type === 'uuid' ? '::text' : ''} AS ${quoteColumn(c.name)}`)
    .join('');
  let prevHash = genesisHash;
  let checked = 0;
  let afterId = '0';
  for (;;) {
    const rows = await db.$queryRawUnsafe<
      (Record<string, unknown> & {
        id: string;
        at: Date;
        action: string;
        subject: string;
        prevHash: string;
        hash: string;
      })[]
    >(
      `SELECT "id"::text AS "id", "at", "actorId", "actorName", "action", "subject", "details", "requestId", "prevHash", "hash"${extraSelect}
       FROM "AuditEvent" WHERE "AuditEvent"."id" > $1::bigint AND "hash" IS NOT NULL ORDER BY "AuditEvent"."id" LIMIT $2`,
      afterId,
      batchSize,
    );
    if (rows.length === 0) return { ok: true, checked, lastHash: prevHash };
    for (const row of rows) {
      const at = new Date(row.at);
      const broken = (reason: 'unlinked' | 'altered', problem: string): TAuditChainVerification => ({
        ok: false,
        checked,
        lastHash: prevHash,
        firstBroken: {
          id: row.id,
          at: at.toISOString(),
          action: row.action,
          subject: row.subject,
          problem,
          reason,
        },
      });
      if (row.prevHash !== prevHash)
        return broken(
          'unlinked',
          'prevHash does not match the previous entry: an entry before it was removed or altered',
        );
      const fields: THashedAuditFields = {
        at: at.toISOString(),
        actorId: row.actorId as string,
        actorName: row.actorName as string,
        action: row.action,
        subject: row.subject,
        details: row.details,
        requestId: (row.requestId as string | null) ?? null,
      };
      for (const column of extras) fields[column.name] = (row[column.name] as string | null) ?? null;
      if (auditChainHash(prevHash, fields) !== row.hash)
        return broken('altered', 'content does not match its hash: the entry was altered');
      prevHash = row.hash;
      checked += 1;
    }
    afterId = rows[rows.length - 1]!.id;
  }
}

/** The trigger every service's migration installs on its `AuditEvent` table (append-only). */
export const auditAppendOnlySql = `
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
`;
