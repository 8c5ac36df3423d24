import { workingDaysOf } from '../clocks/clock-kinds';
import type { TClockKind } from './lifecycle';

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

// ---------------------------------------------------------------------------------------------
// Duty clocks (issue #13 item 6): one workflow type for the duties that had no clock — review
// materials past their date (legal-review), a correction republished, a public correction request answered, a withdrawal after revocation,
// the quarterly blacklist and the annual statistics. Each run is one duty of one subject.

export const dutyClockWorkflowType = 'dutyClockWorkflow';
/** The clock kinds a duty clock runs (rows of the one clock table). */
export const dutyClockKinds = [
  'reviewMaterials',
  'correctionRequest',
  'correctionRepublication',
  'withdrawal',
  'creditBlacklist',
  'annualStatisticsPublication',
  'annualStatisticsReport',
] as const;
export type TDutyClockKind = (typeof dutyClockKinds)[number];
/** One run per duty: the kind and the subject (request id, disclosure id + version, period). */
export const dutyClockWorkflowId = (kind: TDutyClockKind, subjectId: string) =>
  `duty-clock:${kind}:${subjectId}`;
export const dutyClockSignals = {
  /** From the service: the duty is done (answered, republished, withdrawn, published); the clock stops. */
  dutyDone: 'dutyDone',
  calendarUpdated: 'calendarUpdated',
} as const;
export const dutyClockQueries = { status: 'status' } as const;

/** What a duty clock run receives (the disclosure service starts it through its outbox). */
export interface TDutyClockInput {
  kind: TDutyClockKind;
  subjectId: string;
  /** What the work is about, as staff read it (e.g. 更正申请 GZ-… 关于 人社监罚〔2026〕1号). */
  title: string;
  /** Console path of the work. */
  link: string;
  caseNumber: string | null;
  /** Counted clocks: the start instant or Shanghai date (not counted). */
  start?: string;
  /** Fixed-date clocks (`dueOn` in the table): the year of the due date. */
  dueYear?: number;
  /** A configured period instead of the table's (the withdrawal clock, WITHDRAWAL_WORKING_DAYS). */
  workingDays?: number;
  /** A due date set by a person (`workingDays: null` in the table: materials by a date). */
  dueDate?: string;
  /** People the duty names (the case officers for review materials); else the office's staff. */
  assigneeIds?: string[];
  /**
   * Keep each escalation (level 1 and 2) in the case file too, as the lifecycle's clocks do: the
   * case's lifecycle workflow id, the clock id the case file shows and the case clock it belongs to.
   */
  caseFile?: { workflowId: string; clockId: string; clock: TClockKind; round?: number; cycle?: number };
}

export interface TDutyDone {
  subjectId: string;
  doneAt: string;
  /** What ended it, as staff read it (已答复, 已重新发布, 已撤下, 已发布). */
  outcome: string;
}
