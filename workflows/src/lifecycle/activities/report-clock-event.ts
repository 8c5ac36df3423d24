import { notificationPaths, type TTaskClockKind } from '@sanxiang/shared/src/contracts';
import { z } from 'zod';
import { resolveResponsible, taskClockOf, type TNotifyDeps } from './notify-clock-step';

/** The service answers 204 (no body). */
const ZEmpty = z.object({});

export interface TReportClockEventInput {
  type: 'started' | 'paused' | 'stopped';
  /** The same key as the clock's notifications (one clock run). */
  clockKey: string;
  kind: TTaskClockKind;
  /** Null for a clock that is not a case's (a duty clock on a report): then `link` says where. */
  caseNumber: string | null;
  caseTitle: string;
  /** Console path of the work; defaults to the case's page. */
  link?: string;
  dueAt: string;
  dueDate: string;
  /** The instant of the change (workflow time). */
  at: string;
  /** People the clock names (e.g. the officers of an enforcement activity). */
  assigneeIds: string[];
  /** For the legal-review clock: the review whose current assignee does the work. */
  reviewId?: string;
}

/**
 * Tells the notifications service that a clock started (or was recomputed), paused or stopped, so
 * 我的待办 and the supervision board see it from its start and drop it when the work is done. A
 * started or paused clock carries who does the work and their unit (resolved as for a clock step);
 * a stop needs neither. Idempotent: the service ignores an event older than the last one applied.
 */
export const reportClockEvent =
  (deps: TNotifyDeps) =>
  async (input: TReportClockEventInput): Promise<void> => {
    const responsible =
      input.type === 'stopped' ? { workers: [], unit: undefined } : await resolveResponsible(deps, input);
    await deps.notifications.post(
      notificationPaths.clockEvents(),
      {
        type: input.type,
        clock: taskClockOf(input, responsible.unit),
        at: input.at,
        assigneeIds: responsible.workers.map((w) => w.id),
      },
      { idempotencyKey: `${input.clockKey}:${input.type}:${input.at}`, response: ZEmpty },
    );
  };
