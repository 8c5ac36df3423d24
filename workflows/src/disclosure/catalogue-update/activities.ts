import { z } from 'zod';
import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { computeClockInstants, type TClockInstants } from '@sanxiang/shared/src/clocks';
import type { TRole } from '@sanxiang/shared/src/domain';
import type { TServiceClient } from '../../http/service-client';
import { disclosureInternalPaths } from '@sanxiang/shared/src/contracts';

/** The update clock's instants (`catalogueUpdate` row of the clock table). */
export type TCatalogueClock = TClockInstants;

export interface TCatalogueEscalation {
  level: 0 | 1 | 2;
  notified: { audience: 'assignee' | 'unitHead' | 'agencyHead'; roles: TRole[] };
  reason: string;
  dueAt: string;
  at: string;
}

export interface TCatalogueUpdateActivityDeps {
  disclosure: TServiceClient;
  calendar: () => Promise<WorkingDayCalendar> | WorkingDayCalendar;
}

/** The clock's instants by the one clock table (`catalogueUpdate`); the effective date is not counted. */
export function computeCatalogueClockWith(
  calendar: WorkingDayCalendar,
  effectiveDate: string,
): TCatalogueClock {
  return computeClockInstants(calendar, 'catalogueUpdate', effectiveDate);
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
