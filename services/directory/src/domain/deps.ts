import type { Logger, TPrincipal } from '@sanxiang/shared';
import type { TDb } from '../data-access/prisma-client';

/** What every use case may use. `now` is injectable so validity can be tested at any instant. */
export interface TDomainDeps {
  db: TDb;
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
