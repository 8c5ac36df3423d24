import type { TReader, TTransaction } from '@sanxiang/shared';
import type { Prisma } from '../generated/prisma/client';
import { prismaOf } from './prisma-client';

// 利益冲突申报: each declaration with its object.

export const createConflict = (tx: TTransaction, data: Prisma.ConflictDeclarationUncheckedCreateInput) =>
  prismaOf(tx).conflictDeclaration.create({ data, include: { object: true } });

export const findConflict = (db: TReader, id: string) =>
  prismaOf(db).conflictDeclaration.findUnique({ where: { id } });

export const markConflictWithdrawn = (tx: TTransaction, id: string, at: Date, reason: string) =>
  prismaOf(tx).conflictDeclaration.update({
    where: { id },
    data: { withdrawnAt: at, withdrawReason: reason },
    include: { object: true },
  });

/** Declarations of an inspector and / or an object, oldest first. */
export const listConflictRows = (
  db: TReader,
  query: { inspectorId?: string | undefined; objectId?: string | undefined },
) =>
  prismaOf(db).conflictDeclaration.findMany({
    where: {
      ...(query.inspectorId ? { inspectorId: query.inspectorId } : {}),
      ...(query.objectId ? { objectId: query.objectId } : {}),
    },
    include: { object: true },
    orderBy: { declaredAt: 'asc' },
  });

/** The draw's conflicts: standing (not withdrawn) pairs of these objects, each once, in order. */
export const standingConflicts = async (db: TReader, objectIds: string[]) =>
  (
    await prismaOf(db).conflictDeclaration.findMany({
      where: { withdrawnAt: null, objectId: { in: objectIds } },
      orderBy: [{ objectId: 'asc' }, { inspectorId: 'asc' }],
      select: { inspectorId: true, objectId: true },
      distinct: ['objectId', 'inspectorId'],
    })
  ).map((c) => ({ inspectorId: c.inspectorId, objectId: c.objectId }));
