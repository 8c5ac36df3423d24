import { workingDaysOf } from '@sanxiang/shared/src/clocks';

/**
 * Names shared with the catalogue-update clock workflow (workflows/src/disclosure): the service
 * signals it when every affected entry has been republished.
 */
export const catalogueSignals = {
  catalogueChangeCompleted: 'catalogueChangeCompleted',
} as const;

export const catalogueUpdateWorkflowType = 'catalogueUpdateWorkflow';
export const catalogueUpdateWorkflowId = (changeId: string) => `catalogue-update:${changeId}`;
/** Statutory period: 20 working days from the effective date (003 §(五)). */
export const CATALOGUE_UPDATE_WORKING_DAYS = workingDaysOf('catalogueUpdate');
