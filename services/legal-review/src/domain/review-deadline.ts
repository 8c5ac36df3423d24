import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { computeClockInstants, workingDaysOf } from '@sanxiang/shared/src/clocks';

/** 审核办法 §9: the review is completed within 10 working days of receiving the materials. */
export const reviewWorkingDays = workingDaysOf('legalReview');

export interface TReviewDeadline {
  dueDate: string;
  dueAt: Date;
  remindAt: Date;
  provisional: boolean;
}

/**
 * The 10-working-day deadline counted from `startAt` (intake, or the receipt of requested
 * materials: the count restarts there, as in the workflow). The same function and clock table
 * (`packages/shared/src/clocks`, kind `legalReview`) as the workflow's clock, so the overdue list
 * shows a review as "due soon" from the instant the workflow reminds, and overdue from the instant
 * it escalates.
 */
export function computeReviewDeadline(calendar: WorkingDayCalendar, startAt: Date): TReviewDeadline {
  const clock = computeClockInstants(calendar, 'legalReview', startAt);
  return {
    dueDate: clock.dueDate,
    dueAt: new Date(clock.dueAt),
    remindAt: new Date(clock.remindAt),
    provisional: clock.provisional,
  };
}
