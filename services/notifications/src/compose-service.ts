import {
  createLogger,
  systemTokenSource,
  type Logger,
  type TComposedService,
  type TConfigOf,
} from '@sanxiang/shared';
import { resolveCalendarDataDir } from '@sanxiang/shared/src/calendar';
import nodemailer from 'nodemailer';
import { createApp } from './app';
import { createCalendarSource } from './data-access/calendar-source';
import { createLeadershipUnits } from './data-access/directory-client';
import { createPrismaClient } from './data-access/prisma-client';
import { startEmailLoop } from './entry-points/jobs/email-loop';

/** What tests may set beyond the config; main.ts passes none. */
export interface TComposeServiceOverrides {
  logger?: Logger;
  now?: () => Date;
  /** Delay of the first e-mail retry (doubles each attempt). */
  emailRetryBaseMs?: number;
  emailPollMs?: number;
}

export type { TComposedService };

/** The service wired from its config, as runService runs it (and the end-to-end harness builds it). */
export function composeService(
  config: TConfigOf<'notifications'>,
  overrides: TComposeServiceOverrides = {},
): TComposedService {
  const logger =
    overrides.logger ??
    createLogger({ name: 'notifications', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const db = createPrismaClient(config.DATABASE_URL);
  const now = overrides.now ?? (() => new Date());
  const calendar = createCalendarSource(resolveCalendarDataDir(config));
  // Machine tokens are HS256: without the shared secret only reviewers see every unit's clocks.
  const leadershipUnitIds = config.AUTH_JWT_SECRET
    ? createLeadershipUnits({
        baseUrl: config.SERVICE_URL_DIRECTORY,
        token: systemTokenSource({
          secret: config.AUTH_JWT_SECRET,
          issuer: config.AUTH_ISSUER,
          audience: config.AUTH_AUDIENCE,
        }),
      })
    : undefined;
  const app = createApp({
    config,
    db,
    logger,
    calendar,
    now,
    ...(leadershipUnitIds ? { leadershipUnitIds } : {}),
  });
  const transport = nodemailer.createTransport(config.SMTP_URL);
  return {
    app,
    logger,
    startBackground: () =>
      startEmailLoop(
        {
          db,
          logger,
          now,
          transport,
          from: config.MAIL_FROM,
          maxAttempts: config.EMAIL_MAX_ATTEMPTS,
          ...(overrides.emailRetryBaseMs !== undefined ? { baseDelayMs: overrides.emailRetryBaseMs } : {}),
        },
        overrides.emailPollMs,
      ),
    async close() {
      transport.close();
      await db.$disconnect();
    },
  };
}
