import type { Client, Connection } from '@temporalio/client';
import {
  Api,
  createServiceApp,
  createTokenVerifier,
  type Logger,
  type TConfigOf,
  temporalReadiness,
} from '@sanxiang/shared';
import { databaseReadiness, type TDb } from './data-access/prisma-client';

export interface TAppDeps {
  config: TConfigOf<'legal-review'>;
  db: TDb;
  temporal: { client: Client; connection: Connection };
  logger: Logger;
}

/** The service as an Express app, built from its dependencies (the tests build it the same way). */
export function createApp(deps: TAppDeps) {
  const api = new Api(createTokenVerifier(deps.config));
  return createServiceApp({
    name: 'legal-review',
    title: '重大执法决定法制审核 legal-review service',
    description: '法制审核机构的审核队列：受理、补充材料、审核意见、复审轮次与抽查。',
    logger: deps.logger,
    api,
    readiness: {
      database: databaseReadiness(deps.db),
      temporal: temporalReadiness(deps.temporal.connection),
    },
  });
}
