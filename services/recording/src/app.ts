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
  config: TConfigOf<'recording'>;
  db: TDb;
  temporal: { client: Client; connection: Connection };
  logger: Logger;
}

/** The service as an Express app, built from its dependencies (the tests build it the same way). */
export function createApp(deps: TAppDeps) {
  const api = new Api(createTokenVerifier(deps.config));
  return createServiceApp({
    name: 'recording',
    title: '执法全过程记录 recording service',
    description: '案卷、执法全过程记录与防篡改证据（对象锁定存储）。',
    logger: deps.logger,
    api,
    readiness: {
      database: databaseReadiness(deps.db),
      temporal: temporalReadiness(deps.temporal.connection),
    },
  });
}
