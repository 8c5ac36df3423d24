import type { TLifecycleActivities } from '../src/lifecycle/activities';
import { computeClock } from '../src/lifecycle/activities/compute-clock';
import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';

/** How many times each activity ran in this worker (reported to the bench driver). */
export type TActivityCounts = Record<string, number>;

/**
 * The activities the bench worker registers, under the names the workflows call:
 * - `computeClock` is the REAL one over the real working-day calendar (read per computation, as in
 *   workflows/src/worker/main.ts);
 * - the service calls (recording, legal-review, disclosure) are instant local stubs with the real
 *   signatures and answer shapes, so the bench measures the workflow and Temporal, not our HTTP
 *   services;
 * - `benchNoop` is the baseline workflow's no-op activity.
 */
export function createBenchActivities(
  calendar: () => Promise<WorkingDayCalendar> | WorkingDayCalendar,
  /** The disclosure draft exists (what lets the disclosure service approve it): tells the driver. */
  onDraft: (caseNumber: string) => void,
) {
  const counts: TActivityCounts = {};
  const count = (name: string): void => {
    counts[name] = (counts[name] ?? 0) + 1;
  };
  const realComputeClock = computeClock({ calendar });
  const now = (): string => new Date().toISOString();

  const lifecycle: TLifecycleActivities = {
    async computeClock(input) {
      count('computeClock');
      return realComputeClock(input);
    },
    async recordEscalation({ idempotencyKey }) {
      count('recordEscalation');
      return { escalationId: `esc-${idempotencyKey}` };
    },
    async recordStageTransition() {
      count('recordStageTransition');
    },
    async notifyClockStep() {
      count('notifyClockStep');
      return { people: [] };
    },
    async reportClockEvent() {
      count('reportClockEvent');
    },
    async submitLegalReview({ request }) {
      count('submitLegalReview');
      return { reviewId: `review-${request.caseNumber}-${request.round}`, receivedAt: now() };
    },
    async createDisclosureDraft({ request }) {
      count('createDisclosureDraft');
      onDraft(request.caseNumber);
      return {
        // The driver sends disclosureApproved / disclosureWithdrawn with this same id.
        disclosureId: benchDisclosureId(request.caseNumber, request.cycle),
        status: request.disclosure.mode === 'exempt' ? ('exempt' as const) : ('draft' as const),
      };
    },
    async publishDisclosure() {
      count('publishDisclosure');
      return { publishedAt: now() };
    },
    async expireDisclosure() {
      count('expireDisclosure');
      return { expiredAt: now() };
    },
    async fileDecisionWithOffice({ request }) {
      count('fileDecisionWithOffice');
      return { filed: true as const, filingId: `filing-${request.caseNumber}`, filedAt: now() };
    },
    async stopRevokedDisclosure() {
      count('stopRevokedDisclosure');
      return { stoppedAt: now() };
    },
  };

  const activities = {
    ...lifecycle,
    async benchNoop(step: string, caseNumber: string): Promise<void> {
      count('benchNoop');
      if (step === 'draft') onDraft(caseNumber);
    },
  };
  return { activities, counts };
}

export const benchDisclosureId = (caseNumber: string, cycle: number): string =>
  `disclosure-${caseNumber}-${cycle}`;
