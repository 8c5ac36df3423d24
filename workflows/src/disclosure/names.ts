import { workingDaysOf } from '@sanxiang/shared/src/clocks';

/**
 * Names shared by the disclosure service and the disclosure workflows (no Temporal import, so both
 * sides use them). The service keeps the same strings in services/disclosure/src/domain/
 * catalogue-signals.ts; both are checked by tests. (A later move into packages/shared/src/contracts
 * would leave one copy.)
 */
export const catalogueUpdateWorkflowType = 'catalogueUpdateWorkflow';
export const catalogueUpdateWorkflowId = (changeId: string) => `catalogue-update:${changeId}`;
export const catalogueUpdateSignals = {
  /** From the service: every affected entry was republished; the clock stops. */
  catalogueChangeCompleted: 'catalogueChangeCompleted',
  /** From the calendar admin (as for the lifecycle): recompute a provisional deadline. */
  calendarUpdated: 'calendarUpdated',
} as const;
export const catalogueUpdateQueries = { status: 'status' } as const;

/** 20 working days from the effective date of the change (003 §(五)). */
export const CATALOGUE_UPDATE_WORKING_DAYS = workingDaysOf('catalogueUpdate');

export const prepareDisclosureReportWorkflowType = 'prepareDisclosureReportWorkflow';
export const disclosureReportKinds = [
  'randomInspectionResults',
  'creditBlacklist',
  'annualStatistics',
] as const;
export type TDisclosureReportKind = (typeof disclosureReportKinds)[number];

/** POST paths on the disclosure service that these workflows' activities call. */
export const disclosureInternalPaths = {
  catalogueClock: (changeId: string) => `/internal/catalogue-changes/${encodeURIComponent(changeId)}/clock`,
  catalogueEscalations: (changeId: string) =>
    `/internal/catalogue-changes/${encodeURIComponent(changeId)}/escalations`,
  reports: () => '/internal/reports',
} as const;
