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
  config: TConfigOf<'disclosure'>;
  db: TDb;
  temporal: { client: Client; connection: Connection };
  logger: Logger;
}

/** The service as an Express app, built from its dependencies (the tests build it the same way). */
export function createApp(deps: TAppDeps) {
  const api = new Api(createTokenVerifier(deps.config));
  return createServiceApp({
    name: 'disclosure',
    title: '行政执法公示 disclosure service',
    description: '公示内容的起草、审核、发布、撤下，以及面向社会公众的公示平台与检索。',
    logger: deps.logger,
    api,
    readiness: {
      database: databaseReadiness(deps.db),
      temporal: temporalReadiness(deps.temporal.connection),
    },
  });
}
