import { z } from 'zod';
import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import type { TServiceClient } from '../../http/service-client';
import { CATALOGUE_UPDATE_WORKING_DAYS, disclosureInternalPaths } from '../names';

export interface TCatalogueClock {
  dueDate: string;
  /** End of the due date in Shanghai. */
  dueAt: string;
  /** Level 0: 09:00 Beijing time, 2 working days before the due date. */
  remindAt: string;
  /** Level 1 (unit head): at the due instant. */
  escalateAt: string;
  /** Level 2 (agency head): end of the 3rd working day after the due date. */
  secondEscalateAt: string;
  /** Counted over a year without holiday data: recomputed on `calendarUpdated`. */
  provisional: boolean;
}

export interface TCatalogueEscalation {
  level: 0 | 1 | 2;
  notified: { audience: 'assignee' | 'unitHead' | 'agencyHead'; roles: ('discloser' | 'head')[] };
  reason: string;
  dueAt: string;
  at: string;
}

export interface TCatalogueUpdateActivityDeps {
  disclosure: TServiceClient;
  calendar: () => Promise<WorkingDayCalendar> | WorkingDayCalendar;
}

const REMINDER_LEAD_DAYS = 2; // as the lifecycle's disclosure and review clocks
const SECOND_ESCALATION_AFTER_DAYS = 3;
const atNineInShanghai = (date: string) => new Date(`${date}T09:00:00+08:00`).toISOString();

/** The clock's instants from the working-day calendar (DOMAIN.md §5); the effective date is not counted. */
export function computeCatalogueClockWith(
  calendar: WorkingDayCalendar,
  effectiveDate: string,
): TCatalogueClock {
  const due = calendar.addWorkingDays(effectiveDate, CATALOGUE_UPDATE_WORKING_DAYS);
  const remind = calendar.subtractWorkingDays(due.date, REMINDER_LEAD_DAYS);
  const second = calendar.addWorkingDays(due.date, SECOND_ESCALATION_AFTER_DAYS);
  const dueAt = calendar.endOfDayInstant(due.date);
  return {
    dueDate: due.date,
    dueAt,
    remindAt: atNineInShanghai(remind.date),
    escalateAt: dueAt,
    secondEscalateAt: calendar.endOfDayInstant(second.date),
    provisional: due.provisional || remind.provisional || second.provisional,
  };
}

const ZOk = z.object({ ok: z.literal(true) });
const ZEscalationId = z.object({ escalationId: z.string() });

/** The catalogue-update clock's activities: the only I/O of its workflow. */
export const createCatalogueUpdateActivities = (deps: TCatalogueUpdateActivityDeps) => ({
  async computeCatalogueClock(input: { effectiveDate: string }): Promise<TCatalogueClock> {
    return computeCatalogueClockWith(await deps.calendar(), input.effectiveDate);
  },
  async recordCatalogueClock(input: {
    changeId: string;
    idempotencyKey: string;
    clock: TCatalogueClock;
  }): Promise<void> {
    await deps.disclosure.post(disclosureInternalPaths.catalogueClock(input.changeId), input.clock, {
      idempotencyKey: input.idempotencyKey,
      response: ZOk,
    });
  },
  async recordCatalogueEscalation(input: {
    changeId: string;
    idempotencyKey: string;
    escalation: TCatalogueEscalation;
  }): Promise<{ escalationId: string }> {
    return deps.disclosure.post(
      disclosureInternalPaths.catalogueEscalations(input.changeId),
      input.escalation,
      {
        idempotencyKey: input.idempotencyKey,
        response: ZEscalationId,
      },
    );
  },
});

export type TCatalogueUpdateActivities = ReturnType<typeof createCatalogueUpdateActivities>;
