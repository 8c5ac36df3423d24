import { AppError } from '@sanxiang/shared';
import type { TPublicReadPool } from '../../data-access/public-read-pool';
import {
  catalogueSectionLabel,
  type TCatalogueEntryContent,
  type TCatalogueSection,
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

/** The published catalogue, section by section (only current, approved versions). */
export async function listPublicCatalogue(pool: TPublicReadPool, section?: TCatalogueSection) {
  const { rows } = await pool.query<TItemRow>(
    `SELECT * FROM "PublicItem" WHERE kind = 'catalogueEntry' AND ($1::text IS NULL OR "catalogueSection" = $1)
     ORDER BY "catalogueSection", title LIMIT 2000`,
    [section ?? null],
  );
  return { items: rows.map(itemView) };
}

export async function getPublicCatalogueEntry(pool: TPublicReadPool, id: string) {
  const { rows } = await pool.query<TItemRow>(
    `SELECT * FROM "PublicItem" WHERE "disclosureId" = $1 AND kind = 'catalogueEntry'`,
    [id],
  );
  if (!rows[0]) throw new AppError('notFound', '未找到该目录条目');
  return itemView(rows[0]);
}

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
