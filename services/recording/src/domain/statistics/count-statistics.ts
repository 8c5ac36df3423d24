import { AppError, type TReader } from '@sanxiang/shared';
import { computeDeadline, type WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { workingDaysOf } from '@sanxiang/shared/src/clocks';
import { statisticsPeriodRange, type TRecordingStatistics } from '@sanxiang/shared/src/contracts';
import { readStatisticsRows } from '../../data-access/statistics-repository';

/**
 * recording's figures of a period (统计年报, monthly figures): cases opened and closed in it, evidence
 * files uploaded in it, and those uploaded after their activity's upload clock (2 working days from
 * the end of the activity, 记录规定 §16, from the one clock table) — counted from the rows.
 */
export async function countRecordingStatistics(
  db: TReader,
  calendar: WorkingDayCalendar,
  period: string,
): Promise<TRecordingStatistics> {
  const range = statisticsPeriodRange(period);
  if (!range) throw new AppError('validation', `无法识别的统计期间 ${period}`);
  const { casesOpened, casesClosed, evidence } = await readStatisticsRows(db, range.instants);
  const days = workingDaysOf('evidenceUpload');
  const late = evidence.filter(
    (e) =>
      e.activityEndedAt !== null &&
      e.uploadedAt.getTime() >
        Date.parse(computeDeadline(calendar, { start: e.activityEndedAt, workingDays: days }).dueAt),
  ).length;
  return { period, casesOpened, casesClosed, evidenceUploaded: evidence.length, evidenceUploadedLate: late };
}
