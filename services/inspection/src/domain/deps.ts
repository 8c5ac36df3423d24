import type { Logger, TDatabase, TPrincipal } from '@sanxiang/shared';
import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import type { TAuditActor } from '../data-access/audit-log';
import type { TDirectoryClient } from '../data-access/directory-client';
import type { TRecordingClient } from '../data-access/recording-client';
import type { TWorkflowDispatcher } from '../data-access/workflow-outbox';

export interface TDomainDeps {
  /** Passed to the data-access functions (issue #9: the domain has no queries of its own). */
  db: TDatabase;
  logger: Logger;
  directory: TDirectoryClient;
  /** Starts and signals the tasks' results workflows after commit (the outbox). */
  workflows: TWorkflowDispatcher;
  /** Opens the case of a 立案查处 result (system token). */
  recording: TRecordingClient;
  now: () => Date;
  /** The working-day calendar (shipped years plus imported ones). */
  calendar: () => Promise<WorkingDayCalendar>;
  /** A draw's seed when the caller gives none (crypto.randomInt by default; tests may fix it). */
  newSeed: () => number;
}

/** The caller as the audit trail names them. */
export const actorOf = (principal: TPrincipal, requestId?: string): TAuditActor => ({
  id: principal.id,
  name: principal.name,
  requestId,
});
