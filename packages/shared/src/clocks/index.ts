export {
  REMINDER_TIME_BEIJING,
  clockRuleKinds,
  clockRules,
  escalationText,
  levelAudience,
  workingDaysOf,
  type TClockLevel,
  type TClockRule,
  type TClockRuleKind,
} from './clock-kinds';
export {
  computeClockInstants,
  computeClockInstantsDueOn,
  computeClockInstantsForDueDate,
  type TClockInstants,
} from './compute-instants';
export {
  PROVISIONAL_TEXT,
  clockLevelWords,
  countOverDates,
  countWithCalendar,
  readableClock,
  type TReadableClock,
  type TWorkingDayCounter,
} from './readable-clock';
export { CLOCK_TABLE_END, CLOCK_TABLE_START, clockTableIn, renderClockTable } from './clock-table-doc';
