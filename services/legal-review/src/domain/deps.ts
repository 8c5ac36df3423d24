import type { Logger, TDatabase } from '@sanxiang/shared';
import type { TCalendarSource } from '../data-access/calendar-source';
import type { TDirectoryClient } from '../data-access/directory-client';
import type { TRecordingClient } from '../data-access/recording-client';

/** What every use case may use. `now` is injectable so deadlines can be tested at any instant. */
export interface TDomainDeps {
  /** Passed to the data-access functions (issue #9: the domain has no queries of its own). */
  db: TDatabase;
  now: () => Date;
  calendar: TCalendarSource;
  /** Called after a commit that queued outbox messages: delivers them soon, without waiting. */
  afterCommit: () => void;
  logger: Logger;
  /** Where the duty clocks run (TEMPORAL_TASK_QUEUE): the materials clock is started there. */
  taskQueue: string;
  /** The recording service: who is on a case (decision filings check it). */
  recording?: TRecordingClient;
  /** The staff directory: a reviewer's unit (separation of duties, 审核办法 §3). */
  directory?: TDirectoryClient;
}
