import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { fromEpochDay, toEpochDay } from '@sanxiang/shared/src/calendar/iso-date';

/**
 * Working days from `today` to the due date (both Beijing dates): positive while time is left
 * (today not counted, the due date counted), 0 on the due date, negative when overdue (the working
 * days after the due date up to and including today).
 */
export function workingDaysLeft(calendar: WorkingDayCalendar, today: string, dueDate: string): number {
  const from = toEpochDay(today);
  const to = toEpochDay(dueDate);
  if (from === to) return 0;
  const [start, end, sign] = from < to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let day = start + 1; day <= end; day++) if (calendar.isWorkingDay(fromEpochDay(day))) count++;
  return sign * count;
}
