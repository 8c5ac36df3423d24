// Client side of the disclosure workflows (no workflow code here): names, Schedules, activities.
export {
  createDisclosureActivities,
  type TDisclosureActivities,
  type TDisclosureActivityDeps,
} from './activities';
export {
  disclosureSchedules,
  ensureDisclosureSchedules,
  scheduleOptions,
} from './periodic-reports/schedules';
export type {
  TCatalogueUpdateInput,
  TCatalogueUpdateResult,
  TCatalogueUpdateStatus,
} from './catalogue-update/workflow';
export type { TPrepareDisclosureReportInput } from './periodic-reports/workflow';
export type { TDutyClockResult, TDutyClockStatus } from './duty-clock/workflow';
