import { Prisma } from '../generated/prisma/client';
import type { TPublicDecisionContent } from '../domain/decision-content';
import { bigrams, buildSearchText } from '../domain/search-text';
import type { TDb, TTx } from './prisma-client';

/**
 * The public projection of decisions. Only the use cases that publish, correct, withdraw or expire
 * write here; the public platform reads nothing but this table.
 */

const searchFields = (c: { partyName?: string | null; documentNumber: string; content?: string | null; penaltyKind?: string | null }) =>
  buildSearchText([c.partyName, c.documentNumber, c.content, c.penaltyKind]);

export async function upsertPublishedDecision(
  tx: TTx,
  row: { disclosureId: string; version: number; publishedAt: Date; correctedAt: Date | null; content: TPublicDecisionContent },
): Promise<void> {
  const c = row.content;
  const searchText = searchFields(c);
  const data = {
    state: 'published',
    version: row.version,
    documentNumber: c.documentNumber,
    decisionKind: c.decisionKind,
    issuingAuthority: c.issuingAuthority,
    decisionDate: new Date(`${c.decisionDate}T00:00:00Z`),
    publishedAt: row.publishedAt,
    correctedAt: row.correctedAt,
    partyKind: c.partyKind,
    partyName: c.partyName,
    enforcementMethod: c.enforcementMethod,
    content: c.content,
    decision: c.decision,
    penaltyKind: c.penaltyKind ?? null,
    legalBasis: c.legalBasis,
    performance: c.performance,
    withdrawnAt: null,
    withdrawalReason: null,
    withdrawalExplanation: null,
    searchText,
    searchTokens: bigrams(searchText),
  };
  await tx.publicDecision.upsert({
    where: { disclosureId: row.disclosureId },
    create: { disclosureId: row.disclosureId, ...data },
    update: data,
  });
}

/**
 * Replaces the published content by the withdrawal notice (撤下并说明): the content columns are
 * cleared, only the document number stays searchable so that the notice can be found.
 */
export async function replaceByWithdrawalNotice(
  tx: TTx,
  disclosureId: string,
  notice: { withdrawnAt: Date; reason: string; explanation: string },
): Promise<void> {
  const current = await tx.publicDecision.findUnique({ where: { disclosureId } });
  if (!current) return;
  const searchText = buildSearchText([current.documentNumber]);
  await tx.publicDecision.update({
    where: { disclosureId },
    data: {
      state: 'withdrawn',
      version: null,
      partyKind: null,
      partyName: null,
      enforcementMethod: null,
      content: null,
      decision: null,
      penaltyKind: null,
      legalBasis: null,
      performance: null,
      correctedAt: null,
      withdrawnAt: notice.withdrawnAt,
      withdrawalReason: notice.reason,
      withdrawalExplanation: notice.explanation,
      searchText,
      searchTokens: bigrams(searchText),
    },
  });
}

/** Expiry takes the record (or its notice) off the platform entirely. */
export async function removePublicDecision(tx: TTx, disclosureId: string): Promise<void> {
  await tx.publicDecision.deleteMany({ where: { disclosureId } });
}

// ---------------------------------------------------------------------------------------------
// Reads (public)

export interface TPublicSearchFilters {
  /** Already normalised (see search-text.ts), ≥ 2 characters, or undefined. */
  keyword?: string | undefined;
  decisionKind?: string | undefined;
  authority?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export interface TPublicSearchRow {
  disclosureId: string;
  state: string;
  documentNumber: string;
  decisionKind: string;
  issuingAuthority: string;
  decisionDate: Date;
  publishedAt: Date;
  correctedAt: Date | null;
  partyName: string | null;
  penaltyKind: string | null;
  excerpt: string | null;
  withdrawnAt: Date | null;
}

/**
 * The one search query, shared by the HTTP API and the benchmark's raw-SQL baseline. One page plus
 * one row (to tell whether there is a next page) — no total count, which would cost a full scan of
 * every match for common keywords.
 */
export function publicSearchSql(f: TPublicSearchFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (f.keyword) {
    conditions.push(Prisma.sql`"searchTokens" @> ${bigrams(f.keyword)}::text[]`);
    conditions.push(Prisma.sql`strpos("searchText", ${f.keyword}) > 0`);
  }
  if (f.decisionKind) conditions.push(Prisma.sql`"decisionKind" = ${f.decisionKind}`);
  if (f.authority) conditions.push(Prisma.sql`"issuingAuthority" = ${f.authority}`);
  if (f.from) conditions.push(Prisma.sql`"decisionDate" >= ${f.from}::date`);
  if (f.to) conditions.push(Prisma.sql`"decisionDate" <= ${f.to}::date`);
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  return Prisma.sql`
    SELECT "disclosureId"::text AS "disclosureId", state, "documentNumber", "decisionKind", "issuingAuthority",
           "decisionDate", "publishedAt", "correctedAt", "partyName", "penaltyKind",
           left(content, 120) AS excerpt, "withdrawnAt"
    FROM "PublicDecision" ${where}
    ORDER BY "decisionDate" DESC, "disclosureId" DESC
    LIMIT ${f.pageSize + 1} OFFSET ${(f.page - 1) * f.pageSize}`;
}

export async function searchPublicDecisions(db: TDb, f: TPublicSearchFilters) {
  const rows = await db.$queryRaw<TPublicSearchRow[]>(publicSearchSql(f));
  return { items: rows.slice(0, f.pageSize), hasMore: rows.length > f.pageSize };
}

export async function getPublicDecision(db: TDb, disclosureId: string) {
  return db.publicDecision.findUnique({
    where: { disclosureId },
    omit: { searchText: true, searchTokens: true },
  });
}

/** Distinct issuing authorities, by a loose index scan (one index probe per authority). */
export async function listPublicAuthorities(db: TDb, limit = 200): Promise<string[]> {
  const rows = await db.$queryRaw<{ v: string }[]>`
    WITH RECURSIVE a AS (
      (SELECT "issuingAuthority" AS v FROM "PublicDecision" ORDER BY 1 LIMIT 1)
      UNION ALL
      SELECT (SELECT "issuingAuthority" FROM "PublicDecision" WHERE "issuingAuthority" > a.v ORDER BY 1 LIMIT 1)
      FROM a WHERE a.v IS NOT NULL
    )
    SELECT v FROM a WHERE v IS NOT NULL LIMIT ${limit}`;
  return rows.map((r) => r.v);
}
