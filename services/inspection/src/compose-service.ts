import {
  createLogger,
  createTemporalClient,
  systemTokenSource,
  type Logger,
  type TComposedService,
  type TConfigOf,
} from '@sanxiang/shared';
import { createApp } from './app';
import { createDirectoryClient } from './data-access/directory-client';
import { createRecordingClient } from './data-access/recording-client';
import { createPrismaClient } from './data-access/prisma-client';
import { createWorkflowDispatcher } from './data-access/workflow-outbox';

/** What tests may set beyond the config; main.ts passes none. */
export interface TComposeServiceOverrides {
  logger?: Logger;
  now?: () => Date;
  newSeed?: () => number;
}

export type { TComposedService };

/** The service wired from its config, as runService runs it (and the end-to-end harness builds it). */
export function composeService(
  config: TConfigOf<'inspection'>,
  overrides: TComposeServiceOverrides = {},
): TComposedService {
  const logger =
    overrides.logger ??
    createLogger({ name: 'inspection', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const db = createPrismaClient(config.DATABASE_URL);
  if (!config.AUTH_JWT_SECRET)
    logger.warn('AUTH_JWT_SECRET unset: the inspector pool (directory) cannot be asked');
  const token = config.AUTH_JWT_SECRET
    ? systemTokenSource({
        secret: config.AUTH_JWT_SECRET,
        issuer: config.AUTH_ISSUER,
        audience: config.AUTH_AUDIENCE,
      })
    : () => {
        throw new Error('AUTH_JWT_SECRET is needed for machine tokens to the directory and recording');
      };
  const directory = createDirectoryClient({ baseUrl: config.SERVICE_URL_DIRECTORY, token });
  // Each published task's results clock runs as a workflow (workflows/src/inspection), started and
  // signalled through the outbox after commit.
  const temporal = createTemporalClient(config);
  const workflows = createWorkflowDispatcher({
    db,
    client: temporal.client,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    logger,
  });
  const app = createApp({
    config,
    db,
    logger,
    directory,
    workflows,
    recording: createRecordingClient({ baseUrl: config.SERVICE_URL_RECORDING, token }),
    ...(overrides.now ? { now: overrides.now } : {}),
    ...(overrides.newSeed ? { newSeed: overrides.newSeed } : {}),
  });
  return {
    app,
    logger,
    startBackground: () => workflows.start(),
    async close() {
      await db.$disconnect();
      await temporal.connection.close();
    },
  };
}
