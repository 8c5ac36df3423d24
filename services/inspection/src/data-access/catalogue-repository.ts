import type { TReader, TTransaction } from '@sanxiang/shared';
import type { Prisma } from '../generated/prisma/client';
import { prismaOf } from './prisma-client';

// 随机抽查事项清单 and 检查对象名录库. Reads take a `TReader`; writes the caller's transaction.

export const findItem = (db: TReader, code: string) =>
  prismaOf(db).inspectionItem.findUnique({ where: { code } });

export const upsertItem = (
  tx: TTransaction,
  code: string,
  fields: Omit<Prisma.InspectionItemUncheckedCreateInput, 'code'>,
) => prismaOf(tx).inspectionItem.upsert({ where: { code }, create: { code, ...fields }, update: fields });

/** The list in code order; with `onlyActive`, the items in force. */
export const listItemRows = (db: TReader, onlyActive: boolean) =>
  prismaOf(db).inspectionItem.findMany({
    where: onlyActive ? { active: true } : {},
    orderBy: { code: 'asc' },
  });

/** Active objects by name (contains) or 统一社会信用代码 (prefix), in one district, by code. */
export const searchObjects = (
  db: TReader,
  query: { q?: string | undefined; district?: string | undefined; limit: number },
) =>
  prismaOf(db).inspectionObject.findMany({
    where: {
      active: true,
      ...(query.district ? { district: query.district } : {}),
      ...(query.q
        ? { OR: [{ name: { contains: query.q } }, { uscc: { startsWith: query.q.toUpperCase() } }] }
        : {}),
    },
    orderBy: { uscc: 'asc' },
    take: query.limit,
  });

/** The draw's object pool: active objects (of one district when given), by 统一社会信用代码. */
export const listDrawableObjects = (db: TReader, district: string) =>
  prismaOf(db).inspectionObject.findMany({
    where: { active: true, ...(district ? { district } : {}) },
    orderBy: { uscc: 'asc' },
    select: { id: true, uscc: true, name: true, district: true, kind: true },
  });

/** An object by id or by 统一社会信用代码. */
export const findObject = (db: TReader, by: { id: string } | { uscc: string }) =>
  prismaOf(db).inspectionObject.findUnique({ where: by });

/** Which of these codes the pool already holds. */
export const existingUsccs = async (db: TReader, usccs: string[]): Promise<Set<string>> =>
  new Set(
    (
      await prismaOf(db).inspectionObject.findMany({
        where: { uscc: { in: usccs } },
        select: { uscc: true },
      })
    ).map((o) => o.uscc),
  );

/** Adds the object, or updates the one with its 统一社会信用代码 and makes it active again. */
export const upsertObject = (tx: TTransaction, fields: Prisma.InspectionObjectUncheckedCreateInput) =>
  prismaOf(tx).inspectionObject.upsert({
    where: { uscc: fields.uscc },
    create: fields,
    update: { ...fields, active: true },
  });

export const createObjectImport = (tx: TTransaction, data: Prisma.ObjectImportUncheckedCreateInput) =>
  prismaOf(tx).objectImport.create({ data });

export const findObjectImport = (db: TReader, id: string) =>
  prismaOf(db).objectImport.findUnique({ where: { id } });
