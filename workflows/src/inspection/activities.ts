import { z } from 'zod';
import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { computeClockInstants, type TClockInstants } from '@sanxiang/shared/src/clocks';
import { inspectionInternalPaths } from '@sanxiang/shared/src/contracts';
import type { TServiceClient } from '../http/service-client';

/** The results clock's instants (clock table `randomInspectionDisclosure`). */
export type TInspectionResultsClock = TClockInstants;

export interface TInspectionEscalation {
  level: 0 | 1 | 2;
  reason: string;
  dueAt: string;
  /** The instant the step fired (workflow time). */
  at: string;
  /** Who the notifications service told (names, for the task's record). */
  notifiedNames: string[];
}

export interface TInspectionActivityDeps {
  inspection: TServiceClient;
  calendar: () => Promise<WorkingDayCalendar> | WorkingDayCalendar;
}

const ZOk = z.object({ ok: z.literal(true) });
const ZPublished = z.object({ publishedAt: z.string() });

/** The results clock counted from the end of the inspection (the end date itself not counted). */
export function computeInspectionResultsClockWith(
  calendar: WorkingDayCalendar,
  endDate: string,
): TInspectionResultsClock {
  return computeClockInstants(calendar, 'randomInspectionDisclosure', endDate);
}

/** The inspection task workflow's activities: the only I/O of its workflow. */
export const createInspectionActivities = (deps: TInspectionActivityDeps) => ({
  async computeInspectionResultsClock(input: { endDate: string }): Promise<TInspectionResultsClock> {
    return computeInspectionResultsClockWith(await deps.calendar(), input.endDate);
  },
  async recordInspectionResultsClock(input: {
    taskId: string;
    idempotencyKey: string;
    clock: TInspectionResultsClock;
  }): Promise<void> {
    await deps.inspection.post(inspectionInternalPaths.resultsClock(input.taskId), input.clock, {
      idempotencyKey: input.idempotencyKey,
      response: ZOk,
    });
  },
  async recordInspectionEscalation(input: {
    taskId: string;
    idempotencyKey: string;
    escalation: TInspectionEscalation;
  }): Promise<void> {
    await deps.inspection.post(inspectionInternalPaths.resultsEscalations(input.taskId), input.escalation, {
      idempotencyKey: input.idempotencyKey,
      response: ZOk,
    });
  },
  /** Publishes the approved results (the service refuses unless checked and approved). */
  async publishInspectionResults(input: {
    taskId: string;
    idempotencyKey: string;
    workflowId: string;
  }): Promise<{ publishedAt: string }> {
    return deps.inspection.post(
      inspectionInternalPaths.publishResults(input.taskId),
      { workflowId: input.workflowId },
      { idempotencyKey: input.idempotencyKey, response: ZPublished },
    );
  },
});

export type TInspectionActivities = ReturnType<typeof createInspectionActivities>;
