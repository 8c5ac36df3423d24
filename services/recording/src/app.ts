import type { Client, Connection } from '@temporalio/client';
import {
  AppError,
  Api,
  createServiceApp,
  systemTokenSource,
  createTokenVerifier,
  type Logger,
  type TConfigOf,
  type TVerifyToken,
  temporalReadiness,
} from '@sanxiang/shared';
import {
  loadWorkingDayCalendar,
  resolveCalendarDataDir,
  type WorkingDayCalendar,
} from '@sanxiang/shared/src/calendar';
import type { TStaffPrincipal } from './domain/access/case-access';
import { createDirectoryClient, type TDirectoryClient } from './data-access/directory-client';
import type { TEvidenceStore } from './data-access/evidence-store';
import { createLifecycleGateway } from './data-access/lifecycle-gateway';
import { createLifecycleOutbox } from './data-access/lifecycle-outbox';
import { asDatabase, databaseReadiness, type TDb } from './data-access/prisma-client';
import {
  defaultEvidenceSettings,
  type TEvidenceSettings,
  type TRecordingDeps,
} from './domain/recording-deps';
import { loadEnforcementPolicy, type TEnforcementPolicy } from './domain/policy/enforcement-policy';
import { accessRequestRoutes } from './entry-points/http/access-request-routes';
import { activityRoutes } from './entry-points/http/activity-routes';
import { auditRoutes } from './entry-points/http/audit-routes';
import { caseFileRoutes } from './entry-points/http/case-file-routes';
import { evidenceRoutes } from './entry-points/http/evidence-routes';
import { internalRoutes } from './entry-points/http/internal-routes';
import { lifecycleRoutes } from './entry-points/http/lifecycle-routes';
import { recordRoutes } from './entry-points/http/record-routes';

export interface TAppDeps {
  config: TConfigOf<'recording'>;
  db: TDb;
  temporal: { client: Client; connection: Connection };
  logger: Logger;
  /** The evidence bucket (Object Lock) behind the S3 API. */
  store: TEvidenceStore;
  evidence?: Partial<TEvidenceSettings>;
  /** Defaults to ENFORCEMENT_POLICY_FILE, else the demo lists. */
  policy?: TEnforcementPolicy;
  /** Defaults to the directory at SERVICE_URL_DIRECTORY with a machine token. */
  directory?: TDirectoryClient;
  /** Defaults to the shipped years and those imported into CALENDAR_DATA_DIR. */
  calendar?: () => Promise<WorkingDayCalendar>;
}

function directoryFrom(config: TConfigOf<'recording'>): TDirectoryClient {
  const secret = config.AUTH_JWT_SECRET;
  const token = secret
    ? systemTokenSource({ secret, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE })
    : () => {
        throw new AppError('unavailable', '未配置 AUTH_JWT_SECRET，无法向人员目录核验执法证');
      };
  return createDirectoryClient({ baseUrl: config.SERVICE_URL_DIRECTORY, token });
}

/** The use cases' dependencies, built from the app's (main.ts also uses it for the outbox loop). */
export function buildRecordingDeps(deps: TAppDeps): TRecordingDeps {
  const gateway = createLifecycleGateway({
    client: deps.temporal.client,
    taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
  });
  const db = asDatabase(deps.db);
  return {
    db,
    store: deps.store,
    gateway,
    outbox: createLifecycleOutbox({ db, gateway, logger: deps.logger }),
    directory: deps.directory ?? directoryFrom(deps.config),
    logger: deps.logger,
    evidence: { ...defaultEvidenceSettings, ...deps.evidence },
    policy: deps.policy ?? loadEnforcementPolicy(deps.config.ENFORCEMENT_POLICY_FILE),
    calendar:
      deps.calendar ?? (() => loadWorkingDayCalendar({ importedDir: resolveCalendarDataDir(deps.config) })),
  };
}

/**
 * Marks the heads of the agency's leadership units (分管负责人, from the directory) as `agencyHead`:
 * they read every unit's cases (access/case-access.ts). When the directory cannot be asked, a head
 * reads as the head of their own unit only (narrower, never wider), and a warning is logged.
 */
function withAgencyHeads(verify: TVerifyToken, recording: TRecordingDeps, logger: Logger): TVerifyToken {
  const leadership = recording.directory.leadershipUnitIds?.bind(recording.directory);
  if (!leadership) return verify;
  return async (token) => {
    const principal = await verify(token);
    if (!principal.roles.includes('head') || !principal.unitId) return principal;
    try {
      const agencyHead = (await leadership()).includes(principal.unitId);
      return agencyHead ? ({ ...principal, agencyHead } as TStaffPrincipal) : principal;
    } catch (err) {
      logger.warn(
        { err: (err as Error).message },
        'directory unreachable: agency heads read their own unit only',
      );
      return principal;
    }
  };
}

/** The service as an Express app, built from its dependencies (the tests build it the same way). */
/** `recording` is passed in when the caller also needs it (main.ts runs its outbox loop). */
export function createApp(deps: TAppDeps, recording: TRecordingDeps = buildRecordingDeps(deps)) {
  const api = new Api(withAgencyHeads(createTokenVerifier(deps.config), recording, deps.logger));
  caseFileRoutes(api, recording);
  recordRoutes(api, recording);
  activityRoutes(api, recording);
  evidenceRoutes(api, recording);
  accessRequestRoutes(api, recording);
  lifecycleRoutes(api, recording);
  internalRoutes(api, recording);
  auditRoutes(api, recording);
  return createServiceApp({
    name: 'recording',
    trustProxy: deps.config.HTTP_TRUST_PROXY,
    title: '执法全过程记录 recording service',
    description: '案卷、执法全过程记录与防篡改证据（对象锁定存储）。见 docs/recording.md。',
    logger: deps.logger,
    api,
    readiness: {
      database: databaseReadiness(deps.db),
      temporal: temporalReadiness(deps.temporal.connection),
      evidenceStore: () => deps.store.checkReady(),
    },
  });
}
