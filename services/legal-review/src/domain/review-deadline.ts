import { computeDeadline, type WorkingDayCalendar } from '@sanxiang/shared/src/calendar';

/** 审核办法 §9: the review is completed within 10 working days of receiving the materials. */
export const reviewWorkingDays = 10;

/**
 * The workflow reminds 2 working days before the due date, at 09:00 Beijing time
 * (workflows/src/lifecycle/activities/compute-clock.ts, `reminderLeadDays.legalReview`). The overdue
 * list shows a review as "due soon" from that same instant, so both sides agree.
 */
export const reminderLeadWorkingDays = 2;

export interface TReviewDeadline {
  dueDate: string;
  dueAt: Date;
  remindAt: Date;
  provisional: boolean;
}

/**
 * The 10-working-day deadline counted from `startAt` (intake, or the receipt of requested
 * materials: the count restarts there, as in the workflow). Same calendar, same rule, same instants
 * as the workflow's `legalReview` clock.
 */
export function computeReviewDeadline(calendar: WorkingDayCalendar, startAt: Date): TReviewDeadline {
  const due = computeDeadline(calendar, { start: startAt, workingDays: reviewWorkingDays });
  const remind = calendar.subtractWorkingDays(due.dueDate, reminderLeadWorkingDays);
  const remindAt = new Date(`${remind.date}T09:00:00+08:00`);
  return {
    dueDate: due.dueDate,
    dueAt: new Date(due.dueAt),
    // Never before the start (as the workflow's clock).
    remindAt: remindAt < startAt ? startAt : remindAt,
    provisional: due.provisional || remind.provisional,
  };
}

/** A `YYYY-MM-DD` as the Date Prisma stores in a `date` column (UTC midnight). */
export const dateColumn = (isoDate: string): Date => new Date(`${isoDate}T00:00:00Z`);
export const fromDateColumn = (date: Date): string => date.toISOString().slice(0, 10);
