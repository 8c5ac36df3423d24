import { loadWorkingDayCalendar, type WorkingDayCalendar } from '@sanxiang/shared/src/calendar';

/** The working-day calendar (shipped years plus imported ones), reloaded every `ttlMs`. */
export type TCalendarSource = () => Promise<WorkingDayCalendar>;

export function createCalendarSource(importedDir: string, ttlMs = 5 * 60_000): TCalendarSource {
  let cached: { calendar: Promise<WorkingDayCalendar>; loadedAt: number } | undefined;
  return async () => {
    if (!cached || Date.now() - cached.loadedAt > ttlMs) {
      const calendar = loadWorkingDayCalendar({ importedDir });
      cached = { calendar, loadedAt: Date.now() };
      calendar.catch(() => {
        if (cached?.calendar === calendar) cached = undefined;
      });
    }
    return cached.calendar;
  };
}
