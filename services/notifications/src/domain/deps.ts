import type { Logger, TDatabase } from '@sanxiang/shared';
import type { TCalendarSource } from '../data-access/calendar-source';

/** What every use case may use. `now` is injectable so due dates can be tested at any instant. */
export interface TDomainDeps {
  /** Passed to the data-access functions (issue #9: the domain has no queries of its own). */
  db: TDatabase;
  now: () => Date;
  logger: Logger;
  calendar: TCalendarSource;
  /** Public base URL of the staff console, for links in e-mails. */
  consoleUrl: string;
  /** After a commit that queued e-mails: start sending now (the outbox relay's kick). */
  emailQueued?: () => void;
  /** The agency's leadership units (directory), whose heads see the whole board; absent: none. */
  leadershipUnitIds?: () => Promise<readonly string[]>;
}
