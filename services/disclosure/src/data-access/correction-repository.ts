import type { TReader, TTransaction } from '@sanxiang/shared';
import type { CorrectionRequest, Prisma } from '../generated/prisma/client';
import { prismaOf } from './prisma-client';

// Public correction requests (更正申请) and their answers.

/** What staff see of the record a request is about (its document number, not its id). */
const subject = { disclosure: { select: { documentNumber: true, title: true, caseNumber: true } } } as const;

export async function createCorrectionRequest(
  tx: TTransaction,
  data: Prisma.CorrectionRequestUncheckedCreateInput,
): Promise<CorrectionRequest> {
  return prismaOf(tx).correctionRequest.create({ data });
}

/** With what staff see of its record (`disclosure`). */
export async function findCorrectionRequest(db: TReader, id: string) {
  return prismaOf(db).correctionRequest.findUnique({ where: { id }, include: subject });
}

/** By tracking number, with the document number of the decision it concerns. */
export async function findCorrectionRequestByTrackingNumber(db: TReader, trackingNumber: string) {
  return prismaOf(db).correctionRequest.findUnique({
    where: { trackingNumber },
    include: { disclosure: { select: { documentNumber: true } } },
  });
}

export async function updateCorrectionRequest(
  tx: TTransaction,
  id: string,
  data: Prisma.CorrectionRequestUncheckedUpdateInput,
) {
  return prismaOf(tx).correctionRequest.update({ where: { id }, data, include: subject });
}

/** The staff queue's page (open first, earliest deadline first) and the total. */
export async function listCorrectionRequestPage(
  db: TReader,
  filter: {
    status?: CorrectionRequest['status'] | undefined;
    /** Only open requests due before this day (a `date` column value). */
    dueBefore?: Date | undefined;
  },
  page: { skip: number; take: number },
) {
  const where = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.dueBefore ? { status: 'open' as const, dueDate: { lt: filter.dueBefore } } : {}),
  };
  return Promise.all([
    prismaOf(db).correctionRequest.findMany({
      where,
      orderBy: [{ status: 'asc' }, { dueDate: 'asc' }, { receivedAt: 'asc' }],
      include: subject,
      skip: page.skip,
      take: page.take,
    }),
    prismaOf(db).correctionRequest.count({ where }),
  ]);
}
