import { Prisma } from '../generated/prisma/client';
import type { TPublicDecisionContent } from '../domain/decisions/decision-content';
import { buildSearchText } from '../domain/search/search-text';
import type { TTx } from './prisma-client';
import { runOn, type TPublicReadPool } from './public-read-pool';

/**
 * The public projection of decisions. Only the use cases that publish, correct, withdraw or expire
 * write here; the public platform reads nothing but this table.
 */

const searchFields = (c: {
  partyName?: string | null;
  documentNumber: string;
  content?: string | null;
  penaltyKind?: string | null;
}) => buildSearchText([c.partyName, c.documentNumber, c.content, c.penaltyKind]);

export async function upsertPublishedDecision(
  tx: TTx,
  row: {
    disclosureId: string;
    version: number;
    publishedAt: Date;
    correctedAt: Date | null;
    /** End of the publication period (公示期限). */
    expiresAt: Date | null;
    content: TPublicDecisionContent;
  },
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
    creditCode: c.partyKind === 'naturalPerson' ? null : (c.creditCode ?? null),
    legalRepresentative: c.partyKind === 'naturalPerson' ? null : (c.legalRepresentative ?? null),
    enforcementMethod: c.enforcementMethod,
    content: c.content,
    decision: c.decision,
    penaltyKind: c.penaltyKind ?? null,
    fineAmountYuan: c.fineAmountYuan ?? null,
    legalBasis: c.legalBasis,
    performance: c.performance,
    expiresAt: row.expiresAt,
    withdrawnAt: null,
    withdrawalReason: null,
    withdrawalExplanation: null,
    searchText,
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
      creditCode: null,
      legalRepresentative: null,
      enforcementMethod: null,
      content: null,
      decision: null,
      penaltyKind: null,
      fineAmountYuan: null,
      legalBasis: null,
      performance: null,
      correctedAt: null,
      withdrawnAt: notice.withdrawnAt,
      withdrawalReason: notice.reason,
      withdrawalExplanation: notice.explanation,
      searchText,
    },
  });
}

/** Expiry takes the record (or its notice) off the platform entirely. */
export async function removePublicDecision(tx: TTx, disclosureId: string): Promise<void> {
  await tx.publicDecision.deleteMany({ where: { disclosureId } });
}

// ---------------------------------------------------------------------------------------------
// Reads (public): through the public read pool (see public-read-pool.ts), never through Prisma.

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
  decisionDate: string;
  publishedAt: Date;
  correctedAt: Date | null;
  partyName: string | null;
  penaltyKind: string | null;
  excerpt: string | null;
  withdrawnAt: Date | null;
}

const columns = Prisma.sql`"disclosureId", state, "documentNumber", "decisionKind", "issuingAuthority",
  "decisionDate", "publishedAt", "correctedAt", "partyName", "penaltyKind", left(content, 120) AS excerpt, "withdrawnAt"`;
const newestFirst = (t: string) => Prisma.raw(`${t}."decisionDate" DESC, ${t}."disclosureId" DESC`);

function filterConditions(f: TPublicSearchFilters, t: string): Prisma.Sql[] {
  const col = (name: string) => Prisma.raw(`${t}."${name}"`);
  const conditions: Prisma.Sql[] = [];
  if (f.decisionKind) conditions.push(Prisma.sql`${col('decisionKind')} = ${f.decisionKind}`);
  if (f.authority) conditions.push(Prisma.sql`${col('issuingAuthority')} = ${f.authority}`);
  if (f.from) conditions.push(Prisma.sql`${col('decisionDate')} >= ${f.from}::date`);
  if (f.to) conditions.push(Prisma.sql`${col('decisionDate')} <= ${f.to}::date`);
  return conditions;
}
const whereOf = (conditions: Prisma.Sql[]) =>
  conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
const pageOf = (f: TPublicSearchFilters) =>
  Prisma.sql`LIMIT ${f.pageSize + 1} OFFSET ${(f.page - 1) * f.pageSize}`;

/**
 * How common each search token is, from the statistics ANALYZE keeps for the token index expression
 * (pg_stats.most_common_elems). A token missing from the list is rarer than every listed one.
 */
export interface TTokenStats {
  frequency: Map<string, number>;
  /** Frequency below which tokens are not listed (the rarest listed one). */
  floor: number;
}

export const noTokenStats: TTokenStats = { frequency: new Map(), floor: 0 };

export async function loadTokenStats(pool: TPublicReadPool): Promise<TTokenStats> {
  const { rows } = await pool.query<{ e: string; f: number }>(
    `SELECT u.e, u.f FROM pg_stats s,
       unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS u(e, f)
     WHERE s.tablename = 'PublicDecision_searchTokens_idx' AND u.e IS NOT NULL`,
  );
  const frequency = new Map(rows.map((r) => [r.e, Number(r.f)]));
  const floor = rows.length > 0 ? Math.min(...rows.map((r) => Number(r.f))) : 0;
  return { frequency, floor };
}

/**
 * The keyword's search tokens, as `disclosure_search_tokens` (migration) cuts texts: its bigrams
 * (code points), and each run of 3+ digits that has a non-digit on both sides inside the keyword —
 * only such a run must also be a whole run in any matching text.
 */
export function keywordTokens(keyword: string): string[] {
  const chars = Array.from(keyword);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) out.add(chars[i]! + chars[i + 1]!);
  for (const m of keyword.matchAll(/(?<=[^0-9])[0-9]{3,}(?=[^0-9])/gu)) out.add(`#${m[0]}`);
  return [...out];
}

/** Tokens more common than this are left out of the index condition (they cost, and filter little). */
const COMMON_TOKEN = 0.25;
/** At most this many tokens go into the index condition: the rarest ones. */
const INDEX_TOKENS = 4;
/** The newest-first step never looks at more rows than this. */
const MAX_RECENT_WINDOW = 12_000;

export interface TSearchPlan {
  /** Look at this many newest rows first (0: go to the index at once). */
  recentWindow: number;
  /** Tokens for the GIN condition (a subset: strpos() confirms every match). */
  indexTokens: string[];
}

/**
 * Chooses how to find a keyword. Its rarest token bounds how common the keyword can be: a common
 * keyword fills a page among the newest few thousand rows (step 1, cheap, index order); a rare one
 * is found through the token index (step 2, cost grows with the number of matches).
 */
export function planKeywordSearch(keyword: string, f: TPublicSearchFilters, stats: TTokenStats): TSearchPlan {
  const need = f.page * f.pageSize + 1;
  // Unlisted tokens are rarer than the rarest listed one; a whole digit run is rarer still.
  const ranked = keywordTokens(keyword)
    .map((g) => ({
      g,
      run: g.startsWith('#'),
      freq: stats.frequency.get(g) ?? stats.floor / (g.startsWith('#') ? 10 : 2),
    }))
    .sort((a, b) => a.freq - b.freq || Number(b.run) - Number(a.run));
  const bound = ranked[0]?.freq ?? 0;
  const window = bound > 0 ? Math.ceil((3 * need) / bound) : Infinity;
  const selective = ranked.filter((r) => r.freq <= COMMON_TOKEN);
  return {
    recentWindow: window <= MAX_RECENT_WINDOW ? Math.max(window, 1000) : 0,
    indexTokens: (selective.length > 0 ? selective : ranked.slice(0, 1))
      .slice(0, INDEX_TOKENS)
      .map((r) => r.g),
  };
}

/**
 * Step 1 for a common keyword: the newest decisions, in index order, checked by substring. A full
 * page found here is exactly the answer: every match outside the window is older than all of it.
 */
export function recentMatchesSql(f: TPublicSearchFilters, window: number): Prisma.Sql {
  return Prisma.sql`
    SELECT ${columns} FROM (
      SELECT * FROM "PublicDecision" p ${whereOf(filterConditions(f, 'p'))}
      ORDER BY ${newestFirst('p')} LIMIT ${window}
    ) r
    WHERE strpos(r."searchText", ${f.keyword ?? ''}) > 0
    ORDER BY ${newestFirst('r')} ${pageOf(f)}`;
}

/**
 * Step 2 (and the only step without a keyword): candidates from the token GIN index, confirmed by
 * substring, newest first.
 */
export function indexedMatchesSql(f: TPublicSearchFilters, indexTokens: string[] = []): Prisma.Sql {
  const conditions = filterConditions(f, 'p');
  if (f.keyword) {
    conditions.unshift(
      Prisma.sql`disclosure_search_tokens(p."searchText") @> ${indexTokens}::text[]`,
      Prisma.sql`strpos(p."searchText", ${f.keyword}) > 0`,
    );
  }
  return Prisma.sql`SELECT ${columns} FROM "PublicDecision" p ${whereOf(conditions)} ORDER BY ${newestFirst('p')} ${pageOf(f)}`;
}

export type TRunSql = <R>(sql: Prisma.Sql) => Promise<R[]>;

/** Matches are counted up to this many (as deep as one can page: MAX_PAGE × MAX_PAGE_SIZE). */
export const COUNT_CAP = 2500;

/**
 * How many decisions match, counted up to COUNT_CAP + 1 (a count of every match of a common keyword
 * over a million rows would cost more than the page itself).
 */
export function countMatchesSql(f: TPublicSearchFilters, indexTokens: string[] = []): Prisma.Sql {
  const conditions = filterConditions(f, 'p');
  if (f.keyword) {
    conditions.unshift(
      Prisma.sql`disclosure_search_tokens(p."searchText") @> ${indexTokens}::text[]`,
      Prisma.sql`strpos(p."searchText", ${f.keyword}) > 0`,
    );
  }
  return Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM "PublicDecision" p ${whereOf(conditions)} LIMIT ${COUNT_CAP + 1}) m`;
}

/**
 * The public search: one page plus one row (to tell whether there is a next page) and the number of
 * matches up to COUNT_CAP (a full count would cost every match of a common keyword). Shared with the benchmark, whose raw-SQL
 * baseline runs these same statements.
 */
export async function runPublicSearch(
  run: TRunSql,
  f: TPublicSearchFilters,
  stats: TTokenStats = noTokenStats,
) {
  const plan = f.keyword ? planKeywordSearch(f.keyword, f, stats) : undefined;
  const page = async () => {
    if (plan && plan.recentWindow > 0) {
      const recent = await run<TPublicSearchRow>(recentMatchesSql(f, plan.recentWindow));
      if (recent.length > f.pageSize) return recent;
    }
    return run<TPublicSearchRow>(indexedMatchesSql(f, plan?.indexTokens));
  };
  const [rows, counted] = await Promise.all([
    page(),
    run<{ n: number }>(countMatchesSql(f, plan?.indexTokens)),
  ]);
  const n = Number(counted[0]?.n ?? 0);
  return {
    items: rows.slice(0, f.pageSize),
    hasMore: rows.length > f.pageSize,
    total: Math.min(n, COUNT_CAP),
    /** More matches than COUNT_CAP: `total` is a lower bound. */
    totalAtLeast: n > COUNT_CAP,
  };
}

/** Token statistics, re-read at most every `ttlMs` (ANALYZE refreshes them as the table grows). */
export function createTokenStatsCache(pool: TPublicReadPool, ttlMs = 10 * 60_000) {
  let cached: { at: number; value: Promise<TTokenStats> } | undefined;
  return (): Promise<TTokenStats> => {
    if (!cached || Date.now() - cached.at > ttlMs) {
      const value = loadTokenStats(pool).catch(() => noTokenStats);
      cached = { at: Date.now(), value };
    }
    return cached.value;
  };
}

export async function searchPublicDecisions(
  pool: TPublicReadPool,
  f: TPublicSearchFilters,
  stats: TTokenStats,
) {
  return runPublicSearch(runOn(pool), f, stats);
}

export interface TPublicDecisionRow extends Omit<TPublicSearchRow, 'excerpt'> {
  version: number | null;
  partyKind: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  /** numeric(14,2) as node-postgres returns it (a string), or null. */
  fineAmountYuan: string | null;
  expiresAt: Date | null;
  enforcementMethod: string | null;
  content: string | null;
  decision: string | null;
  legalBasis: string | null;
  performance: string | null;
  withdrawalReason: string | null;
  withdrawalExplanation: string | null;
}

export async function getPublicDecision(
  pool: TPublicReadPool,
  disclosureId: string,
): Promise<TPublicDecisionRow | undefined> {
  const { rows } = await pool.query<TPublicDecisionRow>(
    `SELECT "disclosureId", state, version, "documentNumber", "decisionKind", "issuingAuthority", "decisionDate",
            "publishedAt", "correctedAt", "partyKind", "partyName", "creditCode", "legalRepresentative",
            "enforcementMethod", content, decision, "penaltyKind", "fineAmountYuan", "legalBasis", performance,
            "expiresAt", "withdrawnAt", "withdrawalReason", "withdrawalExplanation"
     FROM "PublicDecision" WHERE "disclosureId" = $1`,
    [disclosureId],
  );
  return rows[0];
}

/** Distinct issuing authorities, by a loose index scan (one index probe per authority). */
export async function listPublicAuthorities(pool: TPublicReadPool, limit = 200): Promise<string[]> {
  const { rows } = await pool.query<{ v: string }>(
    `WITH RECURSIVE a AS (
       (SELECT "issuingAuthority" AS v FROM "PublicDecision" ORDER BY 1 LIMIT 1)
       UNION ALL
       SELECT (SELECT "issuingAuthority" FROM "PublicDecision" WHERE "issuingAuthority" > a.v ORDER BY 1 LIMIT 1)
       FROM a WHERE a.v IS NOT NULL
     )
     SELECT v FROM a WHERE v IS NOT NULL LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.v);
}
