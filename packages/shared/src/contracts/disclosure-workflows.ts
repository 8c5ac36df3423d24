import { workingDaysOf } from '../clocks/clock-kinds';

/**
 * The disclosure workflows' public contract: workflow types and ids, signal and query names, report
 * kinds and the internal paths their activities call. No Temporal import: the disclosure service
 * (which starts and signals them) and the workflows (which define them) both import these, so a
 * name exists once. Renaming one breaks workflows already running: add, never rename.
 */

// ---------------------------------------------------------------------------------------------
// Catalogue update (事前公开目录更新): 20 working days from the effective date of a change

export const catalogueUpdateWorkflowType = 'catalogueUpdateWorkflow';
export const catalogueUpdateWorkflowId = (changeId: string) => `catalogue-update:${changeId}`;
export const catalogueUpdateSignals = {
  /** From the service: every affected entry was republished; the clock stops. */
  catalogueChangeCompleted: 'catalogueChangeCompleted',
  /** From the calendar admin (as for the lifecycle): recompute a provisional deadline. */
  calendarUpdated: 'calendarUpdated',
} as const;
export const catalogueUpdateQueries = { status: 'status' } as const;

/** 20 working days from the effective date of the change (003 §(五)), from the one clock table. */
export const CATALOGUE_UPDATE_WORKING_DAYS = workingDaysOf('catalogueUpdate');

// ---------------------------------------------------------------------------------------------
// Periodic reports (随机抽查结果、失信名单、年度统计)

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
