import { z } from 'zod';
import { ZDecisionKind } from '@sanxiang/shared/src/domain';
import {
  searchPublicDecisions as runSearch,
  type TTokenStats,
  type TPublicSearchFilters,
  type TRankedRow,
} from '../../data-access/public-decision-repository';
import type { TPublicReadPool } from '../../data-access/public-read-pool';
import { decisionKindLabel, labelOf } from '../labels';
import { excerptAround, findMarks } from './highlight';
import { parseSearchTerms, type TSearchTerms } from './search-terms';
import { MAX_KEYWORD_LENGTH, MIN_KEYWORD_LENGTH, charLength, normalizeForSearch } from './search-text';

const EXCERPT_LENGTH = 120;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <S extends z.ZodType>(s: S) => z.preprocess(blankToUndefined, s.optional());
const ZDate = z.iso
  .date({ error: '日期格式应为 YYYY-MM-DD' })
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', {
    message: '日期超出范围',
  });

export const MAX_PAGE = 50;
export const MAX_PAGE_SIZE = 50;

/**
 * The public search's query: every parameter bounded, unknown parameters refused, so no request can
 * ask for an expensive query. Shared by the JSON API and the HTML pages.
 */
export const ZPublicSearchQuery = z
  .strictObject(
    {
      q: optional(
        z
          .string({ error: '关键词只能填写一个' })
          .trim()
          .max(MAX_KEYWORD_LENGTH, `关键词不能超过 ${MAX_KEYWORD_LENGTH} 个字`)
          .refine((q) => charLength(normalizeForSearch(q)) >= MIN_KEYWORD_LENGTH, {
            message: `关键词至少需要 ${MIN_KEYWORD_LENGTH} 个字（标点和空格不计）`,
          }),
      ),
      kind: optional(z.enum(ZDecisionKind.options, { error: '决定类别不正确' })),
      authority: optional(
        z.string({ error: '执法机关只能填写一个' }).trim().max(100, '执法机关名称不能超过 100 个字'),
      ),
      from: optional(ZDate),
      to: optional(ZDate),
      page: z.preprocess(
        blankToUndefined,
        z.coerce
          .number({ error: '页码应为数字' })
          .int()
          .min(1, '页码至少为 1')
          .max(MAX_PAGE, `最多翻到第 ${MAX_PAGE} 页，请缩小检索范围`)
          .default(1),
      ),
      pageSize: z.preprocess(
        blankToUndefined,
        z.coerce
          .number({ error: '每页条数应为数字' })
          .int()
          .min(1)
          .max(MAX_PAGE_SIZE, `每页最多 ${MAX_PAGE_SIZE} 条`)
          .default(20),
      ),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? `不支持的查询参数：${issue.keys.join(', ')}` : undefined,
    },
  )
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: '结束日期不能早于开始日期' });
export type TPublicSearchQuery = z.infer<typeof ZPublicSearchQuery>;

/** A result as the public reads it, with the matched stretches of its fields marked (highlighted). */
export function toPublicSearchItem(r: TRankedRow, terms?: TSearchTerms) {
  const marking = terms ? [...terms.phrases, ...terms.words] : [];
  const excerpt = r.content ? excerptAround(r.content, marking, EXCERPT_LENGTH) : undefined;
  return {
    id: r.disclosureId,
    state: r.state as 'published' | 'withdrawn',
    documentNumber: r.documentNumber,
    decisionKind: r.decisionKind,
    decisionKindLabel: labelOf(decisionKindLabel, r.decisionKind),
    issuingAuthority: r.issuingAuthority,
    decisionDate: r.decisionDate,
    publishedAt: r.publishedAt.toISOString(),
    correctedAt: r.correctedAt?.toISOString() ?? null,
    partyName: r.partyName,
    penaltyKind: r.penaltyKind,
    excerpt: excerpt ? `${excerpt.cutBefore ? '…' : ''}${excerpt.text}${excerpt.cutAfter ? '…' : ''}` : null,
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
    /** How it matched: every phrase as typed (exact) or every word apart (allWords); null without a keyword. */
    match: r.match,
    /** Matched stretches (UTF-16 offsets) in partyName, documentNumber and excerpt, to highlight. */
    highlights: {
      partyName: r.partyName ? findMarks(r.partyName, marking) : [],
      documentNumber: findMarks(r.documentNumber, marking),
      excerpt: excerpt
        ? excerpt.marks.map((m) => (excerpt.cutBefore ? { start: m.start + 1, end: m.end + 1 } : m))
        : [],
    },
  };
}
export type TPublicSearchItem = ReturnType<typeof toPublicSearchItem>;

export const toSearchFilters = (q: TPublicSearchQuery): TPublicSearchFilters => ({
  terms: parseSearchTerms(q.q),
  decisionKind: q.kind,
  authority: q.authority,
  from: q.from,
  to: q.to,
  page: q.page,
  pageSize: q.pageSize,
});

/**
 * 公示检索: published decisions and withdrawal notices containing every word of the query (jieba),
 * those with the query as typed first, newest decision first within each.
 */
export async function searchPublicDecisions(
  reads: { pool: TPublicReadPool; tokenStats: () => Promise<TTokenStats> },
  q: TPublicSearchQuery,
) {
  const filters = toSearchFilters(q);
  const { items, hasMore, total, totalAtLeast } = await runSearch(
    reads.pool,
    filters,
    await reads.tokenStats(),
  );
  return {
    items: items.map((r) => toPublicSearchItem(r, filters.terms)),
    page: q.page,
    pageSize: q.pageSize,
    hasMore,
    total,
    totalAtLeast,
  };
}

const ZMark = z.object({ start: z.number().int(), end: z.number().int() });

export const ZPublicSearchResult = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      state: z.enum(['published', 'withdrawn']),
      documentNumber: z.string(),
      decisionKind: z.string(),
      decisionKindLabel: z.string(),
      issuingAuthority: z.string(),
      decisionDate: z.string(),
      publishedAt: z.string(),
      correctedAt: z.string().nullable(),
      partyName: z.string().nullable(),
      penaltyKind: z.string().nullable(),
      excerpt: z.string().nullable(),
      withdrawnAt: z.string().nullable(),
      match: z.enum(['exact', 'allWords']).nullable(),
      highlights: z.object({
        partyName: z.array(ZMark),
        documentNumber: z.array(ZMark),
        excerpt: z.array(ZMark),
      }),
    }),
  ),
  page: z.number().int(),
  pageSize: z.number().int(),
  hasMore: z.boolean(),
  /** 共 N 条: the number of matches, counted up to 2,500. */
  total: z.number().int(),
  /** True when there are more than 2,500 matches (`total` is then 2,500). */
  totalAtLeast: z.boolean(),
});
