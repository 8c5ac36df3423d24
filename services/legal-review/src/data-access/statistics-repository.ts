import type { TReader } from '@sanxiang/shared';
import { prismaOf } from './prisma-client';

/** The rows legal-review's period figures count (instants from Beijing midnight to Beijing midnight). */
export async function readStatisticsRows(db: TReader, instants: { gte: Date; lt: Date }) {
  const prisma = prismaOf(db);
  const [reviewsReceived, opinions] = await Promise.all([
    prisma.review.count({ where: { receivedAt: instants } }),
    prisma.opinion.findMany({
      where: { issuedAt: instants },
      select: { caseNumber: true, outcome: true, issuedAt: true, review: { select: { dueAt: true } } },
    }),
  ]);
  return { reviewsReceived, opinions };
}
