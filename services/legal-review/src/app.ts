import type { Client, Connection } from '@temporalio/client';
import {
  Api,
  createServiceApp,
  createTokenVerifier,
  type Logger,
  type TConfigOf,
  temporalReadiness,
} from '@sanxiang/shared';
import { resolveCalendarDataDir } from '@sanxiang/shared/src/calendar';
import { createCalendarSource, type TCalendarSource } from './data-access/calendar-source';
import { asDatabase, databaseReadiness, type TDb } from './data-access/prisma-client';
import type { TDirectoryClient } from './data-access/directory-client';
import type { TRecordingClient } from './data-access/recording-client';
import { temporalDutyClock, temporalSignaller } from './data-access/workflow-signaller';
import { createOutboxDispatcher, type TOutboxDispatcher } from './domain/lifecycle/deliver-outbox';
import type { TDomainDeps } from './domain/deps';
import { internalReviewRoutes } from './entry-points/http/internal-review-routes';
import { opinionRoutes } from './entry-points/http/opinion-routes';
import { reviewQueueRoutes } from './entry-points/http/review-queue-routes';
import { reviewRoutes } from './entry-points/http/review-routes';
import { spotCheckRoutes } from './entry-points/http/spot-check-routes';

export interface TAppDeps {
  config: TConfigOf<'legal-review'>;
  db: TDb;
  temporal: { client: Client; connection: Connection };
  logger: Logger;
  /** Defaults to the shipped years plus CALENDAR_DATA_DIR, as the worker loads them. */
  calendar?: TCalendarSource;
  /** Where opinions are filed and late-materials escalations go; filings wait while absent. */
  recording?: TRecordingClient;
  /** Who is in which unit (separation of duties); assignments answer 503 while absent. */
  directory?: TDirectoryClient;
  /** Defaults to a dispatcher over this app's db, Temporal client and recording client. */
  outbox?: TOutboxDispatcher;
  /** Defaults to the wall clock. */
  now?: () => Date;
}

/** The use cases' dependencies, built once; main.ts gives the same to the background jobs. */
export function createDomainDeps(deps: TAppDeps): { domain: TDomainDeps; outbox: TOutboxDispatcher } {
  const now = deps.now ?? (() => new Date());
  const db = asDatabase(deps.db);
  const outbox =
    deps.outbox ??
    createOutboxDispatcher({
      db,
      now,
      signal: temporalSignaller(deps.temporal.client),
      dutyClock: temporalDutyClock(deps.temporal.client),
      recording: deps.recording,
      logger: deps.logger,
    });
  const domain: TDomainDeps = {
    db,
    now,
    calendar: deps.calendar ?? createCalendarSource({ importedDir: resolveCalendarDataDir(process.env) }),
    afterCommit: () => outbox.kick(),
    logger: deps.logger,
    taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
    ...(deps.recording ? { recording: deps.recording } : {}),
    ...(deps.directory ? { directory: deps.directory } : {}),
  };
  return { domain, outbox };
}

/** The service as an Express app, built from its dependencies (the tests build it the same way). */
export function createApp(deps: TAppDeps, built = createDomainDeps(deps)) {
  const api = new Api(createTokenVerifier(deps.config));
  // Fixed paths before parameterised ones: /reviews/overdue is not a review id.
  internalReviewRoutes(api, built.domain);
  reviewQueueRoutes(api, built.domain);
  reviewRoutes(api, built.domain);
  opinionRoutes(api, built.domain);
  spotCheckRoutes(api, built.domain);
  return createServiceApp({
    name: 'legal-review',
    trustProxy: deps.config.HTTP_TRUST_PROXY,
    title: '重大执法决定法制审核 legal-review service',
    description:
      '法制审核机构的审核队列：受理、补充材料、审核意见、复审轮次与抽查。设计见 docs/legal-review.md。',
    logger: deps.logger,
    api,
    readiness: {
      database: databaseReadiness(deps.db),
      temporal: temporalReadiness(deps.temporal.connection),
    },
  });
}
