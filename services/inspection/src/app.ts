import { randomInt } from 'node:crypto';
import { Api, createServiceApp, createTokenVerifier, type Logger, type TConfigOf } from '@sanxiang/shared';
import type { TDirectoryClient } from './data-access/directory-client';
import type { TWorkflowDispatcher } from './data-access/workflow-outbox';
import type { TRecordingClient } from './data-access/recording-client';
import { asDatabase, databaseReadiness, type TDb } from './data-access/prisma-client';
import type { TDomainDeps } from './domain/deps';
import { catalogueRoutes } from './entry-points/http/catalogue-routes';
import { planRoutes } from './entry-points/http/plan-routes';
import { publicRoutes } from './entry-points/http/public-routes';
import { resultRoutes } from './entry-points/http/result-routes';
import { publicationRoutes } from './entry-points/http/publication-routes';
import { statisticsRoutes } from './entry-points/http/statistics-routes';
import {
  loadWorkingDayCalendar,
  resolveCalendarDataDir,
  type WorkingDayCalendar,
} from '@sanxiang/shared/src/calendar';

export interface TAppDeps {
  config: TConfigOf<'inspection'>;
  db: TDb;
  logger: Logger;
  directory: TDirectoryClient;
  workflows: TWorkflowDispatcher;
  recording: TRecordingClient;
  /** Defaults to the wall clock. */
  now?: () => Date;
  /** Defaults to the shipped years plus those imported into CALENDAR_DATA_DIR, loaded once. */
  calendar?: () => Promise<WorkingDayCalendar>;
  /** Defaults to a cryptographically random uint32. */
  newSeed?: () => number;
}

/** The service as an Express app, built from its dependencies (the tests build it the same way). */
export function createApp(deps: TAppDeps) {
  let calendar: Promise<WorkingDayCalendar> | undefined;
  const domain: TDomainDeps = {
    db: asDatabase(deps.db),
    logger: deps.logger,
    directory: deps.directory,
    workflows: deps.workflows,
    recording: deps.recording,
    now: deps.now ?? (() => new Date()),
    newSeed: deps.newSeed ?? (() => randomInt(0, 2 ** 32)),
    calendar:
      deps.calendar ??
      (() => (calendar ??= loadWorkingDayCalendar({ importedDir: resolveCalendarDataDir(deps.config) }))),
  };
  const api = new Api(createTokenVerifier(deps.config));
  catalogueRoutes(api, domain);
  planRoutes(api, domain);
  resultRoutes(api, domain);
  publicationRoutes(api, domain);
  publicRoutes(api, domain);
  statisticsRoutes(api, domain);
  return createServiceApp({
    name: 'inspection',
    trustProxy: deps.config.HTTP_TRUST_PROXY,
    title: '双随机、一公开 inspection service',
    description:
      '随机抽查：事项清单、检查对象名录库（CSV 导入，统一社会信用代码校验）、执法检查人员名录库（来自人员目录）、利益冲突申报、抽查计划与任务、可复现的随机抽取（公布种子与算法）。设计见 docs/inspection.md。',
    logger: deps.logger,
    api,
    readiness: { database: databaseReadiness(deps.db) },
  });
}
