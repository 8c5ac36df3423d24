import { Prisma } from '../generated/prisma/client';
import type { TPublicDecisionContent } from '../domain/decisions/decision-content';
import { sameAsPhrases, type TSearchTerms } from '../domain/search/search-terms';
import { buildSearchText } from '../domain/search/search-text';
import type { TReader, TTransaction } from '@sanxiang/shared';
import { prismaOf } from './prisma-client';
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
  tx: TTransaction,
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
    caseName: c.caseName ?? null,
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
  await prismaOf(tx).publicDecision.upsert({
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
  tx: TTransaction,
  disclosureId: string,
  notice: { withdrawnAt: Date; reason: string; explanation: string },
): Promise<void> {
  const current = await prismaOf(tx).publicDecision.findUnique({ where: { disclosureId } });
  if (!current) return;
  const searchText = buildSearchText([current.documentNumber]);
  await prismaOf(tx).publicDecision.update({
    where: { disclosureId },
    data: {
      state: 'withdrawn',
      version: null,
      caseName: null,
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
export async function removePublicDecision(tx: TTransaction, disclosureId: string): Promise<void> {
  await prismaOf(tx).publicDecision.deleteMany({ where: { disclosureId } });
}

// ---------------------------------------------------------------------------------------------
// Reads (public): through the public read pool (see public-read-pool.ts), never through Prisma.

export interface TPublicSearchFilters {
  /** The keyword query's terms (search-terms.ts), or undefined. */
  terms?: TSearchTerms | undefined;
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
  /** The public content (the excerpt is cut from it around the first match). */
  content: string | null;
  withdrawnAt: Date | null;
}

/** How a row matched: every phrase as typed, or every word of the query apart. */
export type TMatchTier = 'exact' | 'allWords';

export interface TRankedRow extends TPublicSearchRow {
  match: TMatchTier | null;
}

const columns = Prisma.sql`"disclosureId", state, "documentNumber", "decisionKind", "issuingAuthority",
  "decisionDate", "publishedAt", "correctedAt", "partyName", "penaltyKind", content, "withdrawnAt"`;
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
const pageOf = (offset: number, limit: number) => Prisma.sql`LIMIT ${limit} OFFSET ${offset}`;

/**
 * One tier of the ranking: rows whose search text contains every `must` term, and — for the second
 * tier — not every `mustNot` term (those rows are already in the first). A `wholeNumbers` term (a run
 * of 3+ digits) must occur as a whole run of digits, not inside a longer one.
 */
export interface TSearchTier {
  match: TMatchTier;
  must: string[];
  mustNot?: string[];
  wholeNumbers?: string[];
}

/**
 * The words that are runs of 3+ digits with a non-digit on both sides in one of the phrases (202612
 * in 罚202612号): every decision with that phrase has them as a whole run, and asking the same of the
 * words apart lets the token index find them (`#202612`) instead of scanning every decision that has
 * the run's digit pairs, which are among the commonest tokens of all.
 */
function wholeNumbersOf(terms: TSearchTerms): string[] {
  const runs = new Set(terms.phrases.flatMap(keywordTokens).filter((t) => t.startsWith('#')));
  return terms.words.filter((w) => /^[0-9]{3,}$/u.test(w) && runs.has(`#${w}`));
}

/** The tiers of a query, best first (one when the words are the phrases themselves). */
export function tiersOf(terms: TSearchTerms): TSearchTier[] {
  const exact: TSearchTier = { match: 'exact', must: terms.phrases };
  if (sameAsPhrases(terms)) return [exact];
  const wholeNumbers = wholeNumbersOf(terms);
  return [
    exact,
    {
      match: 'allWords',
      must: terms.words.filter((w) => !wholeNumbers.includes(w)),
      mustNot: terms.phrases,
      ...(wholeNumbers.length > 0 ? { wholeNumbers } : {}),
    },
  ];
}

/**
 * Every row any tier finds: the last tier without its `mustNot` (every phrase contains every word,
 * so the first tier's rows have all the words). What the count counts.
 */
export function matchesOfAnyTier(tiers: TSearchTier[]): TSearchTier {
  const last = tiers[tiers.length - 1]!;
  return {
    match: last.match,
    must: last.must,
    ...(last.wholeNumbers ? { wholeNumbers: last.wholeNumbers } : {}),
  };
}

function termConditions(tier: TSearchTier, t: string): Prisma.Sql[] {
  const text = Prisma.raw(`${t}."searchText"`);
  const contains = (term: string) => Prisma.sql`strpos(${text}, ${term}) > 0`;
  const conditions = tier.must.map(contains);
  for (const n of tier.wholeNumbers ?? [])
    conditions.push(Prisma.sql`${text} ~ ${`(^|[^0-9])${n}([^0-9]|$)`}`);
  if (tier.mustNot && tier.mustNot.length > 0)
    conditions.push(Prisma.sql`NOT (${Prisma.join(tier.mustNot.map(contains), ' AND ')})`);
  return conditions;
}

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
  /** How many newest rows hold `need` matches, three times over, at the estimated frequency. */
  window: number;
  /** Look at this many newest rows first (0: go to the index at once). */
  recentWindow: number;
  /** Tokens for the GIN condition (a subset: strpos() confirms every match). */
  indexTokens: string[];
}

/**
 * Chooses how to find rows containing every term. A term is at most as common as its rarest token,
 * and different terms are taken as independent (华信 in 2% of decisions and 建材 in 4%: both in
 * about 0.08%): a common result fills `need` rows among the newest few thousand (step 1, cheap,
 * index order); a rare one is found through the token index (step 2, cost grows with the number of
 * matches). The estimate only picks the way; both give the same rows.
 */
export function planKeywordSearch(terms: string[], need: number, stats: TTokenStats): TSearchPlan {
  return planForTokens(terms.map(keywordTokens), need, stats);
}

/** planKeywordSearch for a tier (its whole-number runs included). */
export const planTierSearch = (tier: TSearchTier, need: number, stats: TTokenStats): TSearchPlan =>
  planForTokens(
    [...tier.must.map(keywordTokens), ...(tier.wholeNumbers ?? []).map((n) => [`#${n}`])],
    need,
    stats,
  );

function planForTokens(termTokens: string[][], need: number, stats: TTokenStats): TSearchPlan {
  // Unlisted tokens are rarer than the rarest listed one; a whole digit run is rarer still.
  const freqOf = (g: string) => stats.frequency.get(g) ?? stats.floor / (g.startsWith('#') ? 10 : 2);
  const ranked = [...new Set(termTokens.flat())]
    .map((g) => ({ g, run: g.startsWith('#'), freq: freqOf(g) }))
    .sort((a, b) => a.freq - b.freq || Number(b.run) - Number(a.run));
  const bound = termTokens
    .filter((tokens) => tokens.length > 0)
    .reduce((p, tokens) => p * Math.min(...tokens.map(freqOf)), ranked.length > 0 ? 1 : 0);
  const window = bound > 0 ? Math.ceil((3 * need) / bound) : Infinity;
  const selective = ranked.filter((r) => r.freq <= COMMON_TOKEN);
  return {
    window,
    recentWindow: window <= MAX_RECENT_WINDOW ? Math.max(window, 1000) : 0,
    indexTokens: (selective.length > 0 ? selective : ranked.slice(0, 1))
      .slice(0, INDEX_TOKENS)
      .map((r) => r.g),
  };
}

/**
 * Step 1 for common terms: the newest decisions, in index order, checked by substring. `offset +
 * limit` rows found here are exactly the answer: every match outside the window is older.
 */
export function recentMatchesSql(
  f: TPublicSearchFilters,
  tier: TSearchTier,
  window: number,
  offset: number,
  limit: number,
): Prisma.Sql {
  return Prisma.sql`
    SELECT ${columns} FROM (
      SELECT * FROM "PublicDecision" p ${whereOf(filterConditions(f, 'p'))}
      ORDER BY ${newestFirst('p')} LIMIT ${window}
    ) r
    ${whereOf(termConditions(tier, 'r'))}
    ORDER BY ${newestFirst('r')} ${pageOf(offset, limit)}`;
}

function indexedConditions(f: TPublicSearchFilters, tier: TSearchTier | undefined, indexTokens: string[]) {
  const conditions = filterConditions(f, 'p');
  if (tier) {
    conditions.unshift(
      Prisma.sql`disclosure_search_tokens(p."searchText") @> ${indexTokens}::text[]`,
      ...termConditions(tier, 'p'),
    );
  }
  return conditions;
}

/**
 * Step 2 (and the only step without a keyword): candidates from the token GIN index, confirmed by
 * substring, newest first.
 */
export function indexedMatchesSql(
  f: TPublicSearchFilters,
  tier: TSearchTier | undefined,
  indexTokens: string[],
  offset: number,
  limit: number,
): Prisma.Sql {
  return Prisma.sql`SELECT ${columns} FROM "PublicDecision" p ${whereOf(indexedConditions(f, tier, indexTokens))} ORDER BY ${newestFirst('p')} ${pageOf(offset, limit)}`;
}

/** Matches are counted up to this many (as deep as one can page: MAX_PAGE × MAX_PAGE_SIZE). */
export const COUNT_CAP = 2500;

/**
 * How many decisions match, counted up to `cap` + 1 (a count of every match of a common keyword
 * over a million rows would cost more than the page itself).
 */
export function countMatchesSql(
  f: TPublicSearchFilters,
  tier: TSearchTier | undefined,
  indexTokens: string[],
  cap = COUNT_CAP,
): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM "PublicDecision" p ${whereOf(indexedConditions(f, tier, indexTokens))} LIMIT ${cap + 1}) m`;
}

/**
 * The count's step 1 for common words: matches among the newest `window` decisions, counted up to
 * COUNT_CAP + 1. Reaching that is the answer (at least that many); fewer sends the count to the
 * index. Checking a few thousand rows by substring costs less than the token index's posting
 * lists of the commonest character pairs (half of all decisions for 工资).
 */
export function recentCountSql(f: TPublicSearchFilters, tier: TSearchTier, window: number): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM (
        SELECT p."searchText" FROM "PublicDecision" p ${whereOf(filterConditions(f, 'p'))}
        ORDER BY ${newestFirst('p')} LIMIT ${window}
      ) r ${whereOf(termConditions(tier, 'r'))}
      LIMIT ${COUNT_CAP + 1}
    ) m`;
}

export type TRunSql = <R>(sql: Prisma.Sql) => Promise<R[]>;

/** `limit` rows of one tier from `offset`, newest first. */
async function tierPage(
  run: TRunSql,
  f: TPublicSearchFilters,
  tier: TSearchTier,
  stats: TTokenStats,
  offset: number,
  limit: number,
): Promise<TPublicSearchRow[]> {
  const plan = planTierSearch(tier, offset + limit, stats);
  if (plan.recentWindow > 0) {
    const recent = await run<TPublicSearchRow>(recentMatchesSql(f, tier, plan.recentWindow, offset, limit));
    if (recent.length === limit) return recent;
  }
  return run<TPublicSearchRow>(indexedMatchesSql(f, tier, plan.indexTokens, offset, limit));
}

const countOf = async (run: TRunSql, sql: Prisma.Sql) => Number((await run<{ n: number }>(sql))[0]?.n ?? 0);

/** The newest-first count looks at no more rows than this (beyond, the index costs less). */
const MAX_COUNT_WINDOW = 20_000;

/** How many rows of the tier match, up to COUNT_CAP + 1: newest rows first when common, else the index. */
async function countTier(run: TRunSql, f: TPublicSearchFilters, tier: TSearchTier, stats: TTokenStats) {
  const plan = planTierSearch(tier, COUNT_CAP + 1, stats);
  const window = plan.window;
  if (window <= MAX_COUNT_WINDOW) {
    const n = await countOf(run, recentCountSql(f, tier, window));
    if (n > COUNT_CAP) return n;
  }
  return countOf(run, countMatchesSql(f, tier, plan.indexTokens));
}

/**
 * The public search: one page plus one row (to tell whether there is a next page) and the number of
 * matches up to COUNT_CAP (a full count would cost every match of a common keyword). Ranked: rows
 * with every phrase as typed first, then rows with every word apart; newest decision first within
 * each. Shared with the benchmark, whose raw-SQL baseline runs these same statements.
 */
export async function runPublicSearch(
  run: TRunSql,
  f: TPublicSearchFilters,
  stats: TTokenStats = noTokenStats,
): Promise<{ items: TRankedRow[]; hasMore: boolean; total: number; totalAtLeast: boolean }> {
  const offset = (f.page - 1) * f.pageSize;
  const want = f.pageSize + 1;
  let rows: TRankedRow[];
  let counted: number[];
  if (!f.terms) {
    const [page, n] = await Promise.all([
      run<TPublicSearchRow>(indexedMatchesSql(f, undefined, [], offset, want)),
      countOf(run, countMatchesSql(f, undefined, [])),
    ]);
    rows = page.map((r) => ({ ...r, match: null }));
    counted = [n];
  } else {
    const tiers = tiersOf(f.terms);
    // One count: every row of any tier has all the words (tier 1's rows too), so that is the total.
    const any = matchesOfAnyTier(tiers);
    const counting = countTier(run, f, any, stats);
    // The first tier's page is asked for at once (most pages are in it), beside the count.
    const [first, n] = await Promise.all([tierPage(run, f, tiers[0]!, stats, offset, want), counting]);
    counted = [n];
    rows = first.map((r) => ({ ...r, match: tiers[0]!.match }));
    const second = tiers[1];
    if (second && rows.length < want) {
      // Tier 1 ends on this page (it had `offset` rows before it) or before it (count them: fewer
      // than `offset`).
      const before =
        rows.length > 0 || offset === 0
          ? offset
          : await countOf(
              run,
              countMatchesSql(f, tiers[0], planTierSearch(tiers[0]!, offset, stats).indexTokens, offset),
            );
      const from = Math.max(0, offset - before);
      const more = await tierPage(run, f, second, stats, from, want - rows.length);
      rows.push(...more.map((r) => ({ ...r, match: second.match })));
    }
  }
  const sum = counted.reduce((a, b) => a + b, 0);
  return {
    items: rows.slice(0, f.pageSize),
    hasMore: rows.length > f.pageSize,
    total: Math.min(sum, COUNT_CAP),
    /** More matches than COUNT_CAP: `total` is a lower bound. */
    totalAtLeast: sum > COUNT_CAP,
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

export interface TPublicDecisionRow extends TPublicSearchRow {
  version: number | null;
  caseName: string | null;
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
            "publishedAt", "correctedAt", "caseName", "partyKind", "partyName", "creditCode", "legalRepresentative",
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

/** Whether a decision is on the platform now, and its document number. */
export async function findShownDecision(db: TReader, disclosureId: string) {
  return prismaOf(db).publicDecision.findUnique({
    where: { disclosureId },
    select: { state: true, documentNumber: true },
  });
}
