import {
  createCatalogueUpdateActivities,
  type TCatalogueUpdateActivityDeps,
} from './catalogue-update/activities';
import { createDutyClockActivities } from './duty-clock/activities';
import { createPeriodicReportActivities } from './periodic-reports/activities';

export type TDisclosureActivityDeps = TCatalogueUpdateActivityDeps;

/**
 * Every disclosure activity, bound to its dependencies (the same `disclosure` service client and
 * `calendar` the lifecycle's activities get): spread into the worker's `createActivities`.
 */
export const createDisclosureActivities = (deps: TDisclosureActivityDeps) => ({
  ...createCatalogueUpdateActivities(deps),
  ...createPeriodicReportActivities(deps),
  ...createDutyClockActivities(deps),
});

export type TDisclosureActivities = ReturnType<typeof createDisclosureActivities>;
