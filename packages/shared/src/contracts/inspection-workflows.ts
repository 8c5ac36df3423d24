import { workingDaysOf } from '../clocks/clock-kinds';

/**
 * The inspection task workflow's public contract (双随机, issue 15): workflow type and id, signal
 * and query names and the internal paths its activities call. No Temporal import: the inspection
 * service (which starts and signals it) and the workflow (which defines it) both import these.
 * Renaming one breaks workflows already running: add, never rename.
 */

export const inspectionResultsWorkflowType = 'inspectionResultsWorkflow';
export const inspectionResultsWorkflowId = (taskId: string) => `inspection-results:${taskId}`;
export const inspectionResultsSignals = {
  /** From the service: the results were checked and a head approved them; the workflow publishes. */
  resultsApproved: 'resultsApproved',
  /** From the calendar admin (as for the lifecycle): recompute a provisional deadline. */
  calendarUpdated: 'calendarUpdated',
} as const;
export const inspectionResultsQueries = { status: 'status' } as const;

/** 20 working days from the end of the inspection (000 §17), from the one clock table. */
export const INSPECTION_RESULTS_WORKING_DAYS = workingDaysOf('randomInspectionDisclosure');

/** What the service starts the workflow with. */
export interface TInspectionResultsInput {
  taskId: string;
  taskName: string;
  /** Last day of the inspection window (YYYY-MM-DD, Beijing): the count starts after it. */
  endDate: string;
}

/** `resultsApproved`'s payload. */
export interface TResultsApproved {
  taskId: string;
  approvedById: string;
  approvedAt: string;
}

/** POST paths on the inspection service that the workflow's activities call (system token). */
export const inspectionInternalPaths = {
  resultsClock: (taskId: string) => `/internal/tasks/${encodeURIComponent(taskId)}/results-clock`,
  resultsEscalations: (taskId: string) => `/internal/tasks/${encodeURIComponent(taskId)}/results-escalations`,
  publishResults: (taskId: string) => `/internal/tasks/${encodeURIComponent(taskId)}/results-publication`,
} as const;
