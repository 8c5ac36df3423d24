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
export { computeClockInstants, type TClockInstants } from './compute-instants';
export { CLOCK_TABLE_END, CLOCK_TABLE_START, clockTableIn, renderClockTable } from './clock-table-doc';
