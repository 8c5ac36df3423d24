import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import type { TServiceClient } from '../../http/service-client';
import { computeClock } from './compute-clock';
import { createDisclosureDraft } from './create-disclosure-draft';
import { expireDisclosure } from './expire-disclosure';
import { fileDecisionWithOffice } from './file-decision-with-office';
import { publishDisclosure } from './publish-disclosure';
import { notifyClockStep } from './notify-clock-step';
import { reportClockEvent } from './report-clock-event';
import { recordEscalation } from './record-escalation';
import { recordStageTransition } from './record-stage-transition';
import { stopRevokedDisclosure } from './stop-revoked-disclosure';
import { submitLegalReview } from './submit-legal-review';

export interface TLifecycleActivityDeps {
  recording: TServiceClient;
  legalReview: TServiceClient;
  disclosure: TServiceClient;
  directory: TServiceClient;
  notifications: TServiceClient;
  /** Called per computation, so newly imported holiday years are seen without a restart. */
  calendar: () => Promise<WorkingDayCalendar> | WorkingDayCalendar;
}

/** The case lifecycle's activities, bound to their dependencies (the worker and tests inject them). */
export const createLifecycleActivities = (deps: TLifecycleActivityDeps) => ({
  computeClock: computeClock(deps),
  recordEscalation: recordEscalation(deps),
  notifyClockStep: notifyClockStep(deps),
  reportClockEvent: reportClockEvent(deps),
  recordStageTransition: recordStageTransition(deps),
  submitLegalReview: submitLegalReview(deps),
  createDisclosureDraft: createDisclosureDraft(deps),
  publishDisclosure: publishDisclosure(deps),
  expireDisclosure: expireDisclosure(deps),
  fileDecisionWithOffice: fileDecisionWithOffice(deps),
  stopRevokedDisclosure: stopRevokedDisclosure(deps),
});

export type TLifecycleActivities = ReturnType<typeof createLifecycleActivities>;

export type { TComputeClockInput, TComputedClock } from './compute-clock';
export type { TNotifyClockStepInput, TNotifyClockStepResult } from './notify-clock-step';
export type { TReportClockEventInput } from './report-clock-event';
export type {
  TFileDecisionWithOfficeInput,
  TFileDecisionWithOfficeResult,
} from './file-decision-with-office';
export type { TStopRevokedDisclosureInput } from './stop-revoked-disclosure';
