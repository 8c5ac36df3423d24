import type { Client, Connection } from '@temporalio/client';
import {
  Api,
  AppError,
  createDirectoryUnits,
  createServiceApp,
  systemTokenSource,
  createTokenVerifier,
  type Logger,
  type TConfigOf,
  type TDirectoryUnits,
  temporalReadiness,
} from '@sanxiang/shared';
import { loadWorkingDayCalendar, type WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { asDatabase, databaseReadiness, type TDb } from './data-access/prisma-client';
import { createTokenStatsCache } from './data-access/public-decision-repository';
import {
  createPublicPersonnelSource,
  type TPublicPersonnelSource,
} from './data-access/public-personnel-source';
import {
  createPublicInspectionSource,
  type TPublicInspectionSource,
} from './data-access/public-inspection-source';
import type { TPublicReadPool } from './data-access/public-read-pool';
import { createStatisticsSources, type TStatisticsSources } from './data-access/statistics-sources';
import { createSignalDispatcher, type TSignalDispatcher } from './data-access/signal-outbox';
import { createUnitOfWork } from './data-access/unit-of-work';
import { createDisclosureAccess } from './domain/decisions/disclosure-access';
import { registerDisclosureRoutes } from './entry-points/http/disclosure-routes';
import { registerInternalDisclosureRoutes } from './entry-points/http/internal-disclosure-routes';
import { registerCatalogueRoutes } from './entry-points/http/catalogue-routes';
import { registerCorrectionRequestRoutes } from './entry-points/http/correction-request-routes';
import { registerPublicApiRoutes } from './entry-points/http/public-api-routes';
import { registerReportRoutes } from './entry-points/http/report-routes';
import type { TRouteDeps } from './entry-points/http/route-support';
import { publicRateLimiter, type TPublicRateLimit } from './entry-points/public/rate-limit';
import { publicSite } from './entry-points/public/public-site';
import { configureSiteIdentity } from './entry-points/public/pages/layout';

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
  /** 执法人员清单 from the directory; built from SERVICE_URL_DIRECTORY unless given. */
  personnel?: TPublicPersonnelSource;
  /** 双随机、一公开 from the inspection service; built from SERVICE_URL_INSPECTION unless given. */
  inspection?: TPublicInspectionSource;
  /** recording's, legal-review's and inspection's period figures; from their SERVICE_URL_* unless given. */
  statisticsSources?: TStatisticsSources;
  /** The directory's 公示 office and leadership units (disclosure by unit); from SERVICE_URL_DIRECTORY unless given. */
  directoryUnits?: TDirectoryUnits;
  /** The clock of the public personnel list (tests); the system clock by default. */
  now?: () => Date;
}

/** The machine token disclosure asks the directory (or, for the statistics, the other services) with. */
function directoryToken(config: TConfigOf<'disclosure'>, asked = '人员目录') {
  const secret = config.AUTH_JWT_SECRET;
  return secret
    ? systemTokenSource({
        secret,
        issuer: config.AUTH_ISSUER,
        audience: config.AUTH_AUDIENCE,
        subject: 'system:disclosure',
        name: '公示平台',
      })
    : () => {
        throw new AppError('unavailable', `未配置 AUTH_JWT_SECRET，无法向${asked}查询`);
      };
}

function personnelFrom(config: TConfigOf<'disclosure'>): TPublicPersonnelSource {
  return createPublicPersonnelSource({
    baseUrl: config.SERVICE_URL_DIRECTORY,
    token: directoryToken(config),
  });
}

/** The service as an Express app, built from its dependencies (the tests build it the same way). */
export function createApp(deps: TAppDeps) {
  configureSiteIdentity({
    sponsor: deps.config.PUBLIC_SITE_SPONSOR,
    contact: deps.config.PUBLIC_SITE_CONTACT,
    icp: deps.config.PUBLIC_SITE_ICP,
    siteCode: deps.config.PUBLIC_SITE_CODE,
  });
  const api = new Api(createTokenVerifier(deps.config), {
    429: { description: '请求过于频繁（公众访问限流，见 Retry-After）' },
  });
  const dispatcher =
    deps.dispatcher ??
    createSignalDispatcher({ db: deps.db, client: deps.temporal.client, logger: deps.logger });
  const db = asDatabase(deps.db);
  const routeDeps: TRouteDeps = {
    db,
    publicReads: deps.publicReads,
    tokenStats: createTokenStatsCache(deps.publicReads),
    uow: createUnitOfWork({ db: deps.db, dispatcher, taskQueue: deps.config.TEMPORAL_TASK_QUEUE }),
    temporal: deps.temporal.client,
    calendar: deps.calendar ?? (() => loadWorkingDayCalendar({})),
    taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
    withdrawalWorkingDays: deps.config.WITHDRAWAL_WORKING_DAYS,
    personnel: deps.personnel ?? personnelFrom(deps.config),
    inspection:
      deps.inspection ?? createPublicInspectionSource({ baseUrl: deps.config.SERVICE_URL_INSPECTION }),
    statisticsSources:
      deps.statisticsSources ??
      createStatisticsSources({
        urls: {
          recording: deps.config.SERVICE_URL_RECORDING,
          legalReview: deps.config.SERVICE_URL_LEGAL_REVIEW,
          inspection: deps.config.SERVICE_URL_INSPECTION,
        },
        token: directoryToken(deps.config, '其他系统'),
      }),
    access: createDisclosureAccess(
      db,
      deps.directoryUnits ??
        createDirectoryUnits({
          baseUrl: deps.config.SERVICE_URL_DIRECTORY,
          token: directoryToken(deps.config),
          timeoutMs: 5_000,
          // Fail closed: without the directory nobody outside the case's unit is let in.
          unavailable: '人员目录暂不可用，无法确定所在机构，请稍后重试',
        }),
    ),
    now: deps.now ?? (() => new Date()),
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
