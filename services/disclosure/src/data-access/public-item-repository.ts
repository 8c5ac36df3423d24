import type { Prisma } from '../generated/prisma/client';
import type { DisclosureKind } from '../generated/prisma/enums';
import type { TDb, TTx } from './prisma-client';

/** The public projection of the catalogue and the periodic reports: the published version only. */
export async function upsertPublicItem(
  tx: TTx,
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
  await tx.publicItem.upsert({ where: { disclosureId: row.disclosureId }, create: data, update: data });
}

export async function removePublicItem(tx: TTx, disclosureId: string): Promise<void> {
  await tx.publicItem.deleteMany({ where: { disclosureId } });
}

export async function listPublicItems(db: TDb, kinds: DisclosureKind[], limit = 1000) {
  return db.publicItem.findMany({
    where: { kind: { in: kinds } },
    orderBy: [{ catalogueSection: 'asc' }, { title: 'asc' }, { publishedAt: 'desc' }],
    take: limit,
  });
}

export async function getPublicItem(db: TDb, disclosureId: string) {
  return db.publicItem.findUnique({ where: { disclosureId } });
}
