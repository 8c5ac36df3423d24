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
import { asDatabase, createPrismaClient } from './data-access/prisma-client';
import { createEmailSender } from './domain/deliver-emails';

/** What tests may set beyond the config; main.ts passes none. */
export interface TComposeServiceOverrides {
  logger?: Logger;
  now?: () => Date;
  /** How often the e-mail outbox looks for due retries (default 2 s; a new e-mail is sent at once). */
  emailPollMs?: number;
}

/** An e-mail attempt gives up well within the outbox lease, so no second replica takes it meanwhile. */
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
const EMAIL_LEASE_MS = 5 * 60_000;

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
  const transport = nodemailer.createTransport({ url: config.SMTP_URL, ...SMTP_TIMEOUTS });
  const emails = createEmailSender({
    db: asDatabase(db),
    logger,
    now,
    transport,
    from: config.MAIL_FROM,
    maxAttempts: config.EMAIL_MAX_ATTEMPTS,
    leaseMs: EMAIL_LEASE_MS,
  });
  const app = createApp({
    config,
    db,
    logger,
    calendar,
    now,
    emailQueued: () => emails.kick(),
    ...(leadershipUnitIds ? { leadershipUnitIds } : {}),
  });
  return {
    app,
    logger,
    startBackground: () => {
      emails.start(overrides.emailPollMs ?? 2_000);
      return () => emails.stop();
    },
    async close() {
      await emails.stop();
      transport.close();
      await db.$disconnect();
    },
  };
}
