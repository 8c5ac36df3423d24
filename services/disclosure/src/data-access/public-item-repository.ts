import type { Prisma } from '../generated/prisma/client';
import type { DisclosureKind } from '../generated/prisma/enums';
import type { TReader, TTransaction } from '@sanxiang/shared';
import { prismaOf } from './prisma-client';

/** The public projection of the catalogue and the periodic reports: the published version only. */
export async function upsertPublicItem(
  tx: TTransaction,
  row: {
    disclosureId: string;
    kind: DisclosureKind;
    catalogueSection: string | null;
    period: string | null;
    title: string;
    version: number;
    content: unknown;
    publishedAt: Date;
    correctedAt: Date | null;
  },
): Promise<void> {
  const data = { ...row, content: row.content as Prisma.InputJsonValue };
  await prismaOf(tx).publicItem.upsert({
    where: { disclosureId: row.disclosureId },
    create: data,
    update: data,
  });
}

export async function removePublicItem(tx: TTransaction, disclosureId: string): Promise<void> {
  await prismaOf(tx).publicItem.deleteMany({ where: { disclosureId } });
}

export async function listPublicItems(db: TReader, kinds: DisclosureKind[], limit = 1000) {
  return prismaOf(db).publicItem.findMany({
    where: { kind: { in: kinds } },
    orderBy: [{ catalogueSection: 'asc' }, { title: 'asc' }, { publishedAt: 'desc' }],
    take: limit,
  });
}

export async function getPublicItem(db: TReader, disclosureId: string) {
  return prismaOf(db).publicItem.findUnique({ where: { disclosureId } });
}

/**
 * A catalogue entry's version became the public one (first publication or a republication): the
 * version it replaces, if any, is kept as history with the reason the new version gives.
 */
export async function recordPublicCatalogueVersion(
  tx: TTransaction,
  row: {
    disclosureId: string;
    version: number;
    catalogueSection: string;
    title: string;
    content: unknown;
    at: Date;
    reason: string | null;
  },
): Promise<void> {
  await prismaOf(tx).publicCatalogueVersion.updateMany({
    where: { disclosureId: row.disclosureId, supersededAt: null, version: { not: row.version } },
    data: { supersededAt: row.at, endKind: 'replaced', endExplanation: row.reason },
  });
  const data = {
    catalogueSection: row.catalogueSection,
    title: row.title,
    content: row.content as Prisma.InputJsonValue,
    publishedAt: row.at,
  };
  await prismaOf(tx).publicCatalogueVersion.upsert({
    where: { disclosureId_version: { disclosureId: row.disclosureId, version: row.version } },
    create: { disclosureId: row.disclosureId, version: row.version, ...data },
    update: {},
  });
}

/** A catalogue entry was withdrawn: its current version ends with the ground and explanation. */
export async function endPublicCatalogueEntry(
  tx: TTransaction,
  disclosureId: string,
  end: { at: Date; reason: string; explanation: string; replacedById: string | null },
): Promise<void> {
  await prismaOf(tx).publicCatalogueVersion.updateMany({
    where: { disclosureId, supersededAt: null },
    data: {
      supersededAt: end.at,
      endKind: 'withdrawn',
      endReason: end.reason,
      endExplanation: end.explanation,
      replacedById: end.replacedById,
    },
  });
}
