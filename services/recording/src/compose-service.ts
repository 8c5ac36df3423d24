import {
  createLogger,
  createTemporalClient,
  type Logger,
  type TComposedService,
  type TConfigOf,
} from '@sanxiang/shared';
import { buildRecordingDeps, createApp, type TAppDeps } from './app';
import { createEvidenceStore, createS3Client } from './data-access/evidence-store';
import { createPrismaClient } from './data-access/prisma-client';
import type { TEvidenceSettings } from './domain/recording-deps';

/** What tests may set beyond the config; main.ts passes none. */
export interface TComposeServiceOverrides {
  /** Defaults to a logger from LOG_LEVEL / LOG_FORMAT. */
  logger?: Logger;
  /** On top of `retentionDays` from EVIDENCE_RETENTION_DAYS. */
  evidence?: Partial<TEvidenceSettings>;
}

export type { TComposedService };

/** The service wired from its config, as runService runs it (and the end-to-end harness builds it). */
export function composeService(
  config: TConfigOf<'recording'>,
  overrides: TComposeServiceOverrides = {},
): TComposedService {
  const logger =
    overrides.logger ??
    createLogger({ name: 'recording', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const db = createPrismaClient(config.DATABASE_URL);
  const temporal = createTemporalClient(config);
  const store = createEvidenceStore(createS3Client(config), config.S3_EVIDENCE_BUCKET);
  const deps: TAppDeps = {
    config,
    db,
    temporal,
    logger,
    store,
    evidence: { retentionDays: config.EVIDENCE_RETENTION_DAYS, ...overrides.evidence },
  };
  const recording = buildRecordingDeps(deps);
  const app = createApp(deps, recording);
  return {
    app,
    logger,
    // Lifecycle messages that could not be delivered at once (Temporal down) are retried from here.
    startBackground: () => recording.outbox.startLoop(15_000),
    async close() {
      await db.$disconnect();
      await temporal.connection.close();
    },
  };
}
