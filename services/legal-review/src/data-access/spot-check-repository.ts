import type { TReader, TTransaction } from '@sanxiang/shared';
import type { Prisma } from '../generated/prisma/client';
import { prismaOf } from './prisma-client';

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
  tx: TTransaction,
  filter: TPopulationFilter,
  seed: string,
  sampleSize: number,
): Promise<TDraw> {
  const unit = filter.handlingUnit ?? null;
  const [row] = await prismaOf(tx).$queryRaw<{ size: number; digest: string; ids: string[] }[]>`
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

// Filings and spot checks. Reads take a `TReader`; writes the caller's transaction.

/** A spot check with its sample in order, each item with its filing. */
const spotCheckInclude = {
  items: { orderBy: { position: 'asc' }, include: { filing: true } },
} as const;

export const findFiling = (db: TReader, caseNumber: string, documentNumber: string) =>
  prismaOf(db).decisionFiling.findUnique({
    where: { caseNumber_documentNumber: { caseNumber, documentNumber } },
  });

export const createFiling = (tx: TTransaction, data: Prisma.DecisionFilingUncheckedCreateInput) =>
  prismaOf(tx).decisionFiling.create({ data });

/** Filings by decision date (a `date` column value) and unit, newest first, after the keyset cursor. */
export const listFilings = (
  db: TReader,
  filter: {
    handlingUnit?: string | undefined;
    decidedFrom?: Date | undefined;
    decidedTo?: Date | undefined;
    after?: { decisionDate: Date; id: string } | undefined;
    take: number;
  },
) =>
  prismaOf(db).decisionFiling.findMany({
    where: {
      ...(filter.handlingUnit ? { handlingUnit: filter.handlingUnit } : {}),
      decisionDate: {
        ...(filter.decidedFrom ? { gte: filter.decidedFrom } : {}),
        ...(filter.decidedTo ? { lte: filter.decidedTo } : {}),
      },
      ...(filter.after
        ? {
            OR: [
              { decisionDate: { lt: filter.after.decisionDate } },
              { decisionDate: filter.after.decisionDate, id: { lt: filter.after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ decisionDate: 'desc' }, { id: 'desc' }],
    take: filter.take,
  });

/** A drawn spot check with its sample (items nested in `data`). */
export const createSpotCheck = (tx: TTransaction, data: Prisma.SpotCheckUncheckedCreateInput) =>
  prismaOf(tx).spotCheck.create({ data, include: spotCheckInclude });

export const findSpotCheck = (db: TReader, id: string) =>
  prismaOf(db).spotCheck.findUnique({ where: { id }, include: spotCheckInclude });

/** Spot checks, newest first, after the keyset cursor. */
export const listSpotCheckPage = (
  db: TReader,
  filter: { after?: { drawnAt: Date; id: string } | undefined; take: number },
) =>
  prismaOf(db).spotCheck.findMany({
    where: filter.after
      ? {
          OR: [
            { drawnAt: { lt: filter.after.drawnAt } },
            { drawnAt: filter.after.drawnAt, id: { lt: filter.after.id } },
          ],
        }
      : {},
    orderBy: [{ drawnAt: 'desc' }, { id: 'desc' }],
    take: filter.take,
    include: spotCheckInclude,
  });

/** Locks the sample item's row until the transaction ends. */
export async function lockSpotCheckItem(tx: TTransaction, itemId: string): Promise<void> {
  await prismaOf(tx).$queryRaw`SELECT 1 FROM "SpotCheckItem" WHERE "id" = ${itemId}::uuid FOR UPDATE`;
}

export const findSpotCheckItem = (db: TReader, spotCheckId: string, itemId: string) =>
  prismaOf(db).spotCheckItem.findFirst({ where: { id: itemId, spotCheckId } });

export const updateSpotCheckItem = (
  tx: TTransaction,
  id: string,
  data: Prisma.SpotCheckItemUncheckedUpdateInput,
) => prismaOf(tx).spotCheckItem.update({ where: { id }, data, include: { filing: true } });
