import type { Client, Connection } from '@temporalio/client';
import {
  Api,
  createServiceApp,
  createTokenVerifier,
  type Logger,
  type TConfigOf,
  temporalReadiness,
} from '@sanxiang/shared';
import { loadWorkingDayCalendar, type WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { databaseReadiness, type TDb } from './data-access/prisma-client';
import { createTokenStatsCache } from './data-access/public-decision-repository';
import type { TPublicReadPool } from './data-access/public-read-pool';
import { createSignalDispatcher, type TSignalDispatcher } from './data-access/signal-outbox';
import { createUnitOfWork } from './data-access/unit-of-work';
import { registerDisclosureRoutes } from './entry-points/http/disclosure-routes';
import { registerInternalDisclosureRoutes } from './entry-points/http/internal-disclosure-routes';
import { registerCatalogueRoutes } from './entry-points/http/catalogue-routes';
import { registerCorrectionRequestRoutes } from './entry-points/http/correction-request-routes';
import { registerPublicApiRoutes } from './entry-points/http/public-api-routes';
import { registerReportRoutes } from './entry-points/http/report-routes';
import type { TRouteDeps } from './entry-points/http/route-support';
import { publicRateLimiter, type TPublicRateLimit } from './entry-points/public/rate-limit';
import { publicSite } from './entry-points/public/public-site';

export interface TAppDeps {
  config: TConfigOf<'disclosure'>;
  db: TDb;
  /** The public platform's read pool (createPublicReadPool); may use a read-only role. */
  publicReads: TPublicReadPool;
  temporal: { client: Client; connection: Connection };
  logger: Logger;
  /** The working-day calendar (handling deadlines, catalogue clocks); shipped data by default. */
  calendar?: () => Promise<WorkingDayCalendar>;
  /** Public rate limits; tests and the benchmark set their own. */
  publicRateLimit?: TPublicRateLimit;
  /** Signal delivery; built from `temporal.client` unless given (main.ts shares it with its loop). */
  dispatcher?: TSignalDispatcher;
}

/** The service as an Express app, built from its dependencies (the tests build it the same way). */
export function createApp(deps: TAppDeps) {
  const api = new Api(createTokenVerifier(deps.config), {
    429: { description: '请求过于频繁（公众访问限流，见 Retry-After）' },
  });
  const dispatcher =
    deps.dispatcher ??
    createSignalDispatcher({ db: deps.db, client: deps.temporal.client, logger: deps.logger });
  const routeDeps: TRouteDeps = {
    db: deps.db,
    publicReads: deps.publicReads,
    tokenStats: createTokenStatsCache(deps.publicReads),
    uow: createUnitOfWork({ db: deps.db, dispatcher }),
    temporal: deps.temporal.client,
    calendar: deps.calendar ?? (() => loadWorkingDayCalendar({})),
    taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
  };
  registerInternalDisclosureRoutes(api, routeDeps);
  registerDisclosureRoutes(api, routeDeps);
  registerPublicApiRoutes(api, routeDeps);
  registerCorrectionRequestRoutes(api, routeDeps);
  registerCatalogueRoutes(api, routeDeps);
  registerReportRoutes(api, routeDeps);
  return createServiceApp({
    name: 'disclosure',
    trustProxy: deps.config.HTTP_TRUST_PROXY,
    title: '行政执法公示 disclosure service',
    description: '公示内容的起草、审核、发布、撤下，以及面向社会公众的公示平台与检索。',
    logger: deps.logger,
    api,
    readiness: {
      database: databaseReadiness(deps.db),
      temporal: temporalReadiness(deps.temporal.connection),
    },
    before: [publicRateLimiter(deps.db, deps.publicRateLimit), publicSite(routeDeps)],
  });
}
