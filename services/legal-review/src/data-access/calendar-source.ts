import { loadWorkingDayCalendar, type WorkingDayCalendar } from '@sanxiang/shared/src/calendar';

/** The working-day calendar, as the worker sees it (shipped years plus imported ones). */
export type TCalendarSource = () => Promise<WorkingDayCalendar>;

/**
 * Reloaded every `ttlMs`, so a year imported by an administrator (`calendar import`) is picked up
 * without a restart, as the workflow picks it up on `calendarUpdated`.
 */
export function createCalendarSource(options: { importedDir?: string; ttlMs?: number }): TCalendarSource {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  let cached: { calendar: Promise<WorkingDayCalendar>; loadedAt: number } | undefined;
  return async () => {
    if (!cached || Date.now() - cached.loadedAt > ttlMs) {
      const calendar = loadWorkingDayCalendar(
        options.importedDir !== undefined ? { importedDir: options.importedDir } : {},
      );
      cached = { calendar, loadedAt: Date.now() };
      // A failed load is not cached: the next call tries again.
      calendar.catch(() => {
        if (cached?.calendar === calendar) cached = undefined;
      });
    }
    return cached.calendar;
  };
}
