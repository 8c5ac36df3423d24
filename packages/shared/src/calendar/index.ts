export { MAX_WORKING_DAYS, WorkingDayCalendar, type TWorkingDayResult } from './working-day-calendar';
export { DEFAULT_CALENDAR_DATA_DIR, REPO_ROOT, resolveCalendarDataDir } from './calendar-data-dir';
export { computeDeadline, type TDeadline, type TDeadlineInput } from './deadline';
export { dateInShanghai, endOfDayInstant, startOfDayInstant } from './shanghai-time';
export { isIsoDate } from './iso-date';
export {
  ZHolidayDay,
  ZHolidayYear,
  describeIssues,
  type THolidayDay,
  type THolidayYear,
} from './holiday-year';
export {
  CalendarDataError,
  SHIPPED_CALENDAR_DIR,
  importYear,
  importYearData,
  loadHolidayYears,
  loadWorkingDayCalendar,
  parseHolidayYear,
  readHolidayYearDir,
  type TCalendarStoreOptions,
  type TCalendarYearSource,
  type TImportResult,
  type TLoadedHolidayYear,
} from './calendar-store';
export { fromDateColumn, toDateColumn } from './date-column';
