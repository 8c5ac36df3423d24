import type { TReader, TTransaction } from '@sanxiang/shared';
import type { Prisma } from '../generated/prisma/client';
import { prismaOf } from './prisma-client';

// Registered changes of law or functions (目录变更), their affected entries and their clock's escalations.

/** A change with its entries (each with the entry's title, section and state) and escalations. */
const changeInclude = {
  entries: {
    include: {
      disclosure: { select: { title: true, catalogueSection: true, status: true, reviewStage: true } },
    },
  },
  escalations: { orderBy: { at: 'asc' as const } },
};

/** Open changes first, then by deadline, then newest registered (at most 200). */
export async function listCatalogueChangeRows(db: TReader) {
  return prismaOf(db).catalogueChange.findMany({
    include: changeInclude,
    orderBy: [{ status: 'asc' }, { dueDate: 'asc' }, { registeredAt: 'desc' }],
    take: 200,
  });
}

export async function findCatalogueChangeWithEntries(db: TReader, id: string) {
  return prismaOf(db).catalogueChange.findUnique({ where: { id }, include: changeInclude });
}

export type TCatalogueChangeRow = NonNullable<Awaited<ReturnType<typeof findCatalogueChangeWithEntries>>>;

export async function findCatalogueChange(db: TReader, id: string) {
  return prismaOf(db).catalogueChange.findUnique({ where: { id } });
}

/** A change with its affected entries (nested in `data`). */
export async function createCatalogueChange(
  tx: TTransaction,
  data: Prisma.CatalogueChangeUncheckedCreateInput,
) {
  return prismaOf(tx).catalogueChange.create({ data });
}

export async function updateCatalogueChange(
  tx: TTransaction,
  id: string,
  data: Pick<
    Prisma.CatalogueChangeUncheckedUpdateInput,
    'dueDate' | 'dueAt' | 'provisional' | 'status' | 'completedAt'
  >,
) {
  return prismaOf(tx).catalogueChange.update({ where: { id }, data });
}

/** The open changes this entry is still to be updated for, with the change. */
export async function pendingChangeEntries(db: TReader, disclosureId: string) {
  return prismaOf(db).catalogueChangeEntry.findMany({
    where: { disclosureId, updatedVersion: null, change: { status: 'open' } },
    include: { change: true },
  });
}

export async function markChangeEntryUpdated(
  tx: TTransaction,
  entry: { changeId: string; disclosureId: string },
  version: number,
  at: Date,
): Promise<void> {
  await prismaOf(tx).catalogueChangeEntry.update({
    where: { changeId_disclosureId: entry },
    data: { updatedVersion: version, updatedAt: at },
  });
}

/** How many of the change's entries are still to be updated. */
export async function entriesLeftToUpdate(db: TReader, changeId: string): Promise<number> {
  return prismaOf(db).catalogueChangeEntry.count({ where: { changeId, updatedVersion: null } });
}

export async function findCatalogueEscalation(db: TReader, changeId: string, level: number, at: Date) {
  return prismaOf(db).catalogueEscalation.findUnique({
    where: { changeId_level_at: { changeId, level, at } },
  });
}

export async function createCatalogueEscalation(
  tx: TTransaction,
  data: Prisma.CatalogueEscalationUncheckedCreateInput,
) {
  return prismaOf(tx).catalogueEscalation.create({ data });
}
