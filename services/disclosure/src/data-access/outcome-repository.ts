import type { TReader, TTransaction } from '@sanxiang/shared';
import type { OutcomeRequest, Prisma } from '../generated/prisma/client';
import { prismaOf } from './prisma-client';

// Withdrawal (撤下) and non-publication (不予公开) requests with their check and approval.

const open = { in: ['awaitingCheck' as const, 'awaitingApproval' as const] };

export async function createOutcomeRequest(
  tx: TTransaction,
  data: Prisma.OutcomeRequestUncheckedCreateInput,
): Promise<OutcomeRequest> {
  return prismaOf(tx).outcomeRequest.create({ data });
}

/** The record's request still awaiting its check or approval (of one kind when given), if any. */
export async function findOpenOutcomeRequest(
  db: TReader,
  disclosureId: string,
  kind?: OutcomeRequest['kind'],
): Promise<OutcomeRequest | null> {
  return prismaOf(db).outcomeRequest.findFirst({
    where: { disclosureId, stage: open, ...(kind ? { kind } : {}) },
  });
}

export async function findOutcomeRequest(db: TReader, disclosureId: string, id: string) {
  return prismaOf(db).outcomeRequest.findFirst({ where: { id, disclosureId } });
}

/** The check, the approval or a return of one request. */
export async function updateOutcomeRequest(
  tx: TTransaction,
  id: string,
  data: Prisma.OutcomeRequestUncheckedUpdateInput,
): Promise<OutcomeRequest> {
  return prismaOf(tx).outcomeRequest.update({ where: { id }, data });
}

/** Closes every open request of the record the same way; returns how many were open. */
export async function closeOpenOutcomeRequests(
  tx: TTransaction,
  disclosureId: string,
  data: Prisma.OutcomeRequestUncheckedUpdateManyInput,
): Promise<number> {
  const closed = await prismaOf(tx).outcomeRequest.updateMany({ where: { disclosureId, stage: open }, data });
  return closed.count;
}

/** A record's requests, oldest first. */
export async function listOutcomeRequests(db: TReader, disclosureId: string) {
  return prismaOf(db).outcomeRequest.findMany({ where: { disclosureId }, orderBy: { requestedAt: 'asc' } });
}
