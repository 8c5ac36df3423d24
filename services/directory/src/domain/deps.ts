import type { Logger, TDatabase, TPrincipal } from '@sanxiang/shared';

/** What every use case may use. `now` is injectable so validity can be tested at any instant. */
export interface TDomainDeps {
  /** Passed to the data-access functions (issue #9: the domain has no queries of its own). */
  db: TDatabase;
  now: () => Date;
  logger: Logger;
}

/** The caller of a use case, for the audit trail. */
export interface TActor {
  id: string;
  name: string;
  requestId?: string | undefined;
}

export const actorFrom = (principal: TPrincipal, requestId?: string): TActor => ({
  id: principal.id,
  name: principal.name,
  requestId,
});
