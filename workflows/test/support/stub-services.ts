import { Context } from '@temporalio/activity';
import type {
  TDecisionFilingRequest,
  TDisclosureDraftRequest,
  TDisclosureRevocationRequest,
  TDisclosureExpireRequest,
  TDisclosurePublishRequest,
  TEscalationRequest,
  TReviewIntakeRequest,
  TStageTransitionRequest,
} from '@sanxiang/shared/src/contracts';
import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import type {
  TLifecycleActivities,
  TNotifyClockStepInput,
  TReportClockEventInput,
} from '../../src/lifecycle/activities';
import { computeClockWith, type TComputeClockInput } from '../../src/lifecycle/activities/compute-clock';

/** A call as a stub service saw it: the request, its key, and the Temporal time it was scheduled. */
export interface TSeen<T> {
  caseNumber: string;
  idempotencyKey: string;
  request: T;
  /** Server (time-skipped) time when the activity attempt was scheduled. */
  at: string;
}

const serverNow = (): string =>
  new Date(Context.current().info.currentAttemptScheduledTimestampMs).toISOString();

/**
 * The three services as in-memory stubs behind the real activity signatures (Temporal recommends
 * stubbing activities in workflow tests). Each honours the Idempotency-Key like the real services
 * must: a repeated key answers the first answer and is not recorded twice. `computeClock` is the
 * real computation over a calendar the test can swap.
 */
export function createStubServices(calendar: { current: WorkingDayCalendar }) {
  const seen = {
    escalations: [] as TSeen<TEscalationRequest>[],
    transitions: [] as TSeen<TStageTransitionRequest>[],
    reviews: [] as TSeen<TReviewIntakeRequest>[],
    drafts: [] as TSeen<TDisclosureDraftRequest>[],
    publishes: [] as TSeen<TDisclosurePublishRequest & { disclosureId: string }>[],
    expiries: [] as TSeen<TDisclosureExpireRequest & { disclosureId: string }>[],
    clocks: [] as { input: TComputeClockInput; at: string }[],
    notifications: [] as { input: TNotifyClockStepInput; at: string }[],
    clockEvents: [] as { input: TReportClockEventInput; at: string }[],
    filings: [] as TSeen<Omit<TDecisionFilingRequest, 'handlingUnit'>>[],
    revocations: [] as TSeen<TDisclosureRevocationRequest & { disclosureId: string }>[],
  };
  const answers = new Map<string, unknown>();
  const once = <T>(key: string, act: () => T): T => {
    if (!answers.has(key)) answers.set(key, act());
    return answers.get(key) as T;
  };

  const activities: TLifecycleActivities = {
    async computeClock(input) {
      seen.clocks.push({ input, at: serverNow() });
      return computeClockWith(calendar.current, input);
    },
    async recordEscalation({ caseNumber, idempotencyKey, request }) {
      return once(idempotencyKey, () => {
        seen.escalations.push({ caseNumber, idempotencyKey, request, at: serverNow() });
        return { escalationId: `esc-${seen.escalations.length}` };
      });
    },
    async notifyClockStep(input) {
      // The real service is idempotent on (clockKey, level, person): a repeat is not seen twice.
      return once(`notify:${input.clockKey}:${input.level}`, () => {
        const at = serverNow();
        seen.notifications.push({ input, at });
        // As the real activity: the named assignees are told of the reminder (heads need the directory).
        const people = input.level === 0 ? input.assigneeIds : [];
        return {
          people: people.map((personId) => ({
            personId,
            name: personId,
            audience: 'assignee' as const,
            channels: ['inbox' as const],
            at,
          })),
        };
      });
    },
    async reportClockEvent(input) {
      once(`clock-event:${input.clockKey}:${input.type}:${input.at}`, () =>
        seen.clockEvents.push({ input, at: serverNow() }),
      );
    },
    async recordStageTransition({ caseNumber, idempotencyKey, request }) {
      once(idempotencyKey, () =>
        seen.transitions.push({ caseNumber, idempotencyKey, request, at: serverNow() }),
      );
    },
    async submitLegalReview({ idempotencyKey, request }) {
      return once(idempotencyKey, () => {
        const at = serverNow();
        seen.reviews.push({ caseNumber: request.caseNumber, idempotencyKey, request, at });
        return { reviewId: `review-${request.caseNumber}-${request.round}`, receivedAt: at };
      });
    },
    async createDisclosureDraft({ idempotencyKey, request }) {
      return once(idempotencyKey, () => {
        seen.drafts.push({ caseNumber: request.caseNumber, idempotencyKey, request, at: serverNow() });
        return {
          disclosureId: `disclosure-${request.caseNumber}-${request.cycle}`,
          // As the service does since #13 item 2: an exempt plan becomes a pending request.
          status:
            request.disclosure.mode === 'exempt' ? ('nonPublicationPending' as const) : ('draft' as const),
        };
      });
    },
    async publishDisclosure({ disclosureId, idempotencyKey, request }) {
      return once(idempotencyKey, () => {
        const at = serverNow();
        seen.publishes.push({
          caseNumber: caseOf(idempotencyKey),
          idempotencyKey,
          request: { ...request, disclosureId },
          at,
        });
        return { publishedAt: at };
      });
    },
    async fileDecisionWithOffice({ idempotencyKey, request }) {
      return once(idempotencyKey, () => {
        const at = serverNow();
        seen.filings.push({ caseNumber: request.caseNumber, idempotencyKey, request, at });
        return { filed: true as const, filingId: `filing-${seen.filings.length}`, filedAt: at };
      });
    },
    async stopRevokedDisclosure({ disclosureId, idempotencyKey, request }) {
      return once(idempotencyKey, () => {
        const at = serverNow();
        seen.revocations.push({
          caseNumber: caseOf(idempotencyKey),
          idempotencyKey,
          request: { ...request, disclosureId },
          at,
        });
        return { stoppedAt: at };
      });
    },
    async expireDisclosure({ disclosureId, idempotencyKey, request }) {
      return once(idempotencyKey, () => {
        const at = serverNow();
        seen.expiries.push({
          caseNumber: caseOf(idempotencyKey),
          idempotencyKey,
          request: { ...request, disclosureId },
          at,
        });
        return { expiredAt: at };
      });
    },
  };

  const forCase = <T>(list: TSeen<T>[], caseNumber: string): TSeen<T>[] =>
    list.filter((c) => c.caseNumber === caseNumber);
  return { activities, seen, forCase };
}

/** `case-lifecycle:<caseNumber>:<step>` → caseNumber. */
const caseOf = (idempotencyKey: string): string => idempotencyKey.split(':')[1] ?? '';

export type TStubServices = ReturnType<typeof createStubServices>;
