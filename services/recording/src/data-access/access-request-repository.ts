import type { TReader, TTransaction } from '@sanxiang/shared';
import type { Prisma } from '../generated/prisma/client';
import { prismaOf } from './prisma-client';

// 调阅申请 (记录规定 §19). Reads take a `TReader` (the database or a transaction); writes the
// caller's transaction.

/** The requester's approved, unexpired grants for the case, most recently decided first. */
export const listActiveGrants = (db: TReader, caseId: string, requesterId: string) =>
  prismaOf(db).accessRequest.findMany({
    where: { caseId, requesterId, status: 'approved', expiresAt: { gt: new Date() } },
    orderBy: { decidedAt: 'desc' },
  });

/** The requester's latest request for the case, if any. */
export const findLatestRequestOf = (db: TReader, caseId: string, requesterId: string) =>
  prismaOf(db).accessRequest.findFirst({ where: { caseId, requesterId }, orderBy: { requestedAt: 'desc' } });

/** Locks the request row for the rest of the transaction, then reads it with its case and officers. */
export async function lockAccessRequest(tx: TTransaction, id: string) {
  const db = prismaOf(tx);
  await db.$executeRaw`SELECT 1 FROM "AccessRequest" WHERE id = ${id}::uuid FOR UPDATE`;
  return db.accessRequest.findUnique({ where: { id }, include: { case: { include: { officers: true } } } });
}

export const createAccessRequest = (tx: TTransaction, data: Prisma.AccessRequestUncheckedCreateInput) =>
  prismaOf(tx).accessRequest.create({ data });

export const updateAccessRequest = (
  tx: TTransaction,
  id: string,
  data: Prisma.AccessRequestUncheckedUpdateInput,
) => prismaOf(tx).accessRequest.update({ where: { id }, data });

/**
 * The case's requests, newest first: every one, or only `requesterId`'s; with `decidedOnly`, no
 * pending ones.
 */
export const listAccessRequestsOfCase = (
  db: TReader,
  caseId: string,
  filter: { requesterId?: string | undefined; decidedOnly: boolean },
) =>
  prismaOf(db).accessRequest.findMany({
    where: {
      caseId,
      ...(filter.requesterId !== undefined ? { requesterId: filter.requesterId } : {}),
      ...(filter.decidedOnly ? { status: { not: 'pending' } } : {}),
    },
    orderBy: { requestedAt: 'desc' },
  });
