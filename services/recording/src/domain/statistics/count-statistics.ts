import { AppError } from '@sanxiang/shared';
import { computeDeadline, type WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { workingDaysOf } from '@sanxiang/shared/src/clocks';
import { statisticsPeriodRange, type TRecordingStatistics } from '@sanxiang/shared/src/contracts';
import type { TDb } from '../../data-access/prisma-client';

/**
 * recording's figures of a period (统计年报, monthly figures): cases opened and closed in it, evidence
 * files uploaded in it, and those uploaded after their activity's upload clock (2 working days from
 * the end of the activity, 记录规定 §16, from the one clock table) — counted from the rows.
 */
export async function countRecordingStatistics(
  db: TDb,
  calendar: WorkingDayCalendar,
  period: string,
): Promise<TRecordingStatistics> {
  const range = statisticsPeriodRange(period);
  if (!range) throw new AppError('validation', `无法识别的统计期间 ${period}`);
  const { instants } = range;
  const [casesOpened, casesClosed, evidence] = await Promise.all([
    db.caseFile.count({ where: { openedAt: instants } }),
    db.caseFile.count({ where: { closedAt: instants } }),
    db.evidence.findMany({
      where: { uploadedAt: instants },
      select: { uploadedAt: true, activityId: true },
    }),
  ]);
  const activityIds = [...new Set(evidence.map((e) => e.activityId))];
  const activities = activityIds.length
    ? await db.enforcementActivity.findMany({
        where: { id: { in: activityIds } },
        select: { id: true, endedAt: true },
      })
    : [];
  const days = workingDaysOf('evidenceUpload');
  const dueAt = new Map(
    activities.flatMap((a) =>
      a.endedAt
        ? [
            [
              a.id,
              new Date(computeDeadline(calendar, { start: a.endedAt, workingDays: days }).dueAt),
            ] as const,
          ]
        : [],
    ),
  );
  const late = evidence.filter((e) => {
    const due = dueAt.get(e.activityId);
    return due !== undefined && e.uploadedAt > due;
  }).length;
  return {
    period,
    casesOpened,
    casesClosed,
    evidenceUploaded: evidence.length,
    evidenceUploadedLate: late,
  };
}
