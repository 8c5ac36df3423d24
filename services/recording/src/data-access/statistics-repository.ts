import type { TReader } from '@sanxiang/shared';
import { prismaOf } from './prisma-client';

/**
 * The rows recording's period figures count (instants from Beijing midnight to Beijing midnight):
 * cases opened, cases closed, and each evidence file uploaded with its activity's end.
 */
export async function readStatisticsRows(db: TReader, instants: { gte: Date; lt: Date }) {
  const prisma = prismaOf(db);
  const [casesOpened, casesClosed, evidence] = await Promise.all([
    prisma.caseFile.count({ where: { openedAt: instants } }),
    prisma.caseFile.count({ where: { closedAt: instants } }),
    prisma.evidence.findMany({
      where: { uploadedAt: instants },
      select: { uploadedAt: true, activityId: true },
    }),
  ]);
  const activityIds = [...new Set(evidence.map((e) => e.activityId))];
  const activities = activityIds.length
    ? await prisma.enforcementActivity.findMany({
        where: { id: { in: activityIds } },
        select: { id: true, endedAt: true },
      })
    : [];
  const endedAt = new Map(activities.map((a) => [a.id, a.endedAt]));
  return {
    casesOpened,
    casesClosed,
    evidence: evidence.map((e) => ({
      uploadedAt: e.uploadedAt,
      activityEndedAt: endedAt.get(e.activityId) ?? null,
    })),
  };
}
