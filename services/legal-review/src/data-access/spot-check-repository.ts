import type { TTx } from './transaction';

export interface TPopulationFilter {
  decidedFrom: Date;
  decidedTo: Date;
  handlingUnit?: string | undefined;
}

export interface TDraw {
  populationSize: number;
  populationSha256: string;
  sampleIds: string[];
}

/**
 * The seeded draw in one statement (one snapshot): the population of filed decisions, its size and
 * a SHA-256 over its sorted ids, and the `sampleSize` filings with the smallest
 * SHA-256(seed ":" id). Ids are compared bytewise (COLLATE "C"), so the digest does not depend on
 * the database's locale. Anyone holding the seed and the list of ids can redo the draw and compare.
 */
export async function drawSample(
  tx: TTx,
  filter: TPopulationFilter,
  seed: string,
  sampleSize: number,
): Promise<TDraw> {
  const unit = filter.handlingUnit ?? null;
  const [row] = await tx.$queryRaw<{ size: number; digest: string; ids: string[] }[]>`
    WITH population AS (
      SELECT "id"::text AS id FROM "DecisionFiling"
      WHERE "decisionDate" BETWEEN ${filter.decidedFrom}::date AND ${filter.decidedTo}::date
        AND (${unit}::text IS NULL OR "handlingUnit" = ${unit}::text)
    ),
    ranked AS (
      SELECT id FROM population
      ORDER BY sha256(convert_to(${seed}::text || ':' || id, 'UTF8')), id COLLATE "C"
      LIMIT ${sampleSize}
    )
    SELECT
      (SELECT count(*)::int FROM population) AS size,
      encode(sha256(convert_to(coalesce((SELECT string_agg(id, ',' ORDER BY id COLLATE "C") FROM population), ''), 'UTF8')), 'hex') AS digest,
      coalesce(
        (SELECT array_agg(id ORDER BY sha256(convert_to(${seed}::text || ':' || id, 'UTF8')), id COLLATE "C") FROM ranked),
        '{}'::text[]
      ) AS ids`;
  return { populationSize: row?.size ?? 0, populationSha256: row?.digest ?? '', sampleIds: row?.ids ?? [] };
}
