import { AppError } from '@sanxiang/shared';
import type { TPublicReadPool } from '../../data-access/public-read-pool';
import {
  catalogueSectionLabel,
  catalogueWithdrawalReasonLabel,
  type TCatalogueEntryContent,
  type TCatalogueSection,
  type TCatalogueWithdrawalReason,
} from './catalogue-content';

interface TItemRow {
  disclosureId: string;
  kind: string;
  catalogueSection: string | null;
  period: string | null;
  title: string;
  version: number;
  content: unknown;
  publishedAt: Date;
  correctedAt: Date | null;
}

const itemView = (r: TItemRow) => ({
  id: r.disclosureId,
  section: r.catalogueSection as TCatalogueSection,
  sectionLabel: catalogueSectionLabel[r.catalogueSection as TCatalogueSection] ?? r.catalogueSection,
  title: r.title,
  content: r.content as TCatalogueEntryContent,
  publishedAt: r.publishedAt.toISOString(),
  updatedAt: r.correctedAt?.toISOString() ?? null,
});
export type TPublicCatalogueEntry = ReturnType<typeof itemView>;

/** One row of PublicCatalogueVersion: a version that was public, and how it ended. */
interface TVersionRow {
  disclosureId: string;
  version: number;
  catalogueSection: string;
  title: string;
  content: unknown;
  publishedAt: Date;
  supersededAt: Date | null;
  endKind: 'replaced' | 'withdrawn' | null;
  endReason: string | null;
  endExplanation: string | null;
  replacedById: string | null;
  replacedByTitle?: string | null;
}

const sectionLabelOf = (s: string) => catalogueSectionLabel[s as TCatalogueSection] ?? s;

const historyView = (r: TVersionRow) => ({
  version: r.version,
  title: r.title,
  publishedAt: r.publishedAt.toISOString(),
  supersededAt: r.supersededAt?.toISOString() ?? null,
  endKind: r.endKind,
  /** Why it stopped being current: the newer version's reason, or the withdrawal's explanation. */
  endExplanation: r.endExplanation,
});
export type TPublicCatalogueHistoryItem = ReturnType<typeof historyView>;

const withdrawalView = (r: TVersionRow) => ({
  withdrawnAt: r.supersededAt!.toISOString(),
  reason: r.endReason as TCatalogueWithdrawalReason,
  reasonLabel: catalogueWithdrawalReasonLabel[r.endReason as TCatalogueWithdrawalReason] ?? r.endReason ?? '',
  explanation: r.endExplanation ?? '',
  replacedBy: r.replacedById ? { id: r.replacedById, title: r.replacedByTitle ?? null } : null,
});
export type TPublicCatalogueWithdrawal = ReturnType<typeof withdrawalView>;

/** Versions of an entry that are no longer current (newest first), and the entry's last version. */
async function versionsOf(pool: TPublicReadPool, id: string) {
  const { rows } = await pool.query<TVersionRow>(
    `SELECT v.*, r.title AS "replacedByTitle" FROM "PublicCatalogueVersion" v
       LEFT JOIN "PublicItem" r ON r."disclosureId" = v."replacedById"
      WHERE v."disclosureId" = $1 ORDER BY v.version DESC LIMIT 500`,
    [id],
  );
  return rows;
}

/**
 * The published catalogue, section by section (only current, approved versions), and the entries
 * withdrawn from it (newest first), whose notice and history stay reachable (000 §4, 003 (一)).
 */
export async function listPublicCatalogue(pool: TPublicReadPool, section?: TCatalogueSection) {
  const { rows } = await pool.query<TItemRow>(
    `SELECT * FROM "PublicItem" WHERE kind = 'catalogueEntry' AND ($1::text IS NULL OR "catalogueSection" = $1)
     ORDER BY "catalogueSection", title LIMIT 2000`,
    [section ?? null],
  );
  const withdrawn = await pool.query<TVersionRow>(
    `SELECT v.*, r.title AS "replacedByTitle" FROM "PublicCatalogueVersion" v
       LEFT JOIN "PublicItem" r ON r."disclosureId" = v."replacedById"
      WHERE v."endKind" = 'withdrawn' AND ($1::text IS NULL OR v."catalogueSection" = $1)
      ORDER BY v."supersededAt" DESC LIMIT 500`,
    [section ?? null],
  );
  return {
    items: rows.map(itemView),
    withdrawn: withdrawn.rows.map((r) => ({
      id: r.disclosureId,
      section: r.catalogueSection as TCatalogueSection,
      sectionLabel: sectionLabelOf(r.catalogueSection),
      title: r.title,
      ...withdrawalView(r),
    })),
  };
}

/**
 * One entry: the current version with the versions it replaced, or — once withdrawn — the
 * withdrawal notice (ground, explanation, the entry that replaces it) with its history.
 */
export async function getPublicCatalogueEntry(pool: TPublicReadPool, id: string) {
  const { rows } = await pool.query<TItemRow>(
    `SELECT * FROM "PublicItem" WHERE "disclosureId" = $1 AND kind = 'catalogueEntry'`,
    [id],
  );
  const versions = await versionsOf(pool, id);
  const history = versions.filter((v) => v.supersededAt !== null).map(historyView);
  if (rows[0]) return { ...itemView(rows[0]), state: 'current' as const, withdrawal: null, history };
  const last = versions[0];
  if (!last || last.endKind !== 'withdrawn') throw new AppError('notFound', '未找到该目录条目');
  return {
    id,
    state: 'withdrawn' as const,
    section: last.catalogueSection as TCatalogueSection,
    sectionLabel: sectionLabelOf(last.catalogueSection),
    title: last.title,
    content: null,
    publishedAt: versions[versions.length - 1]!.publishedAt.toISOString(),
    updatedAt: null,
    withdrawal: withdrawalView(last),
    history,
  };
}
export type TPublicCatalogueEntryPage = Awaited<ReturnType<typeof getPublicCatalogueEntry>>;

/** A version of an entry as it was published (the current one, a replaced one, a withdrawn one). */
export async function getPublicCatalogueVersion(pool: TPublicReadPool, id: string, version: number) {
  const { rows } = await pool.query<TVersionRow>(
    `SELECT * FROM "PublicCatalogueVersion" WHERE "disclosureId" = $1 AND version = $2`,
    [id, version],
  );
  const r = rows[0];
  if (!r) throw new AppError('notFound', '未找到该目录条目的这一版本');
  return {
    id: r.disclosureId,
    section: r.catalogueSection as TCatalogueSection,
    sectionLabel: sectionLabelOf(r.catalogueSection),
    ...historyView(r),
    content: r.content as TCatalogueEntryContent,
  };
}
export type TPublicCatalogueVersion = Awaited<ReturnType<typeof getPublicCatalogueVersion>>;

/** Published reports (random-inspection results, blacklist, annual statistics), newest first. */
export async function listPublicReports(pool: TPublicReadPool) {
  const { rows } = await pool.query<TItemRow>(
    `SELECT * FROM "PublicItem" WHERE kind <> 'catalogueEntry' ORDER BY "publishedAt" DESC LIMIT 500`,
  );
  return {
    items: rows.map((r) => ({
      id: r.disclosureId,
      kind: r.kind,
      period: r.period,
      title: r.title,
      publishedAt: r.publishedAt.toISOString(),
    })),
  };
}

export async function getPublicReport(pool: TPublicReadPool, id: string) {
  const { rows } = await pool.query<TItemRow>(
    `SELECT * FROM "PublicItem" WHERE "disclosureId" = $1 AND kind <> 'catalogueEntry'`,
    [id],
  );
  const r = rows[0];
  if (!r) throw new AppError('notFound', '未找到该公示');
  return {
    id: r.disclosureId,
    kind: r.kind,
    period: r.period,
    title: r.title,
    content: r.content,
    publishedAt: r.publishedAt.toISOString(),
    correctedAt: r.correctedAt?.toISOString() ?? null,
  };
}
