import { Api, createServiceApp, createTokenVerifier, type Logger, type TConfigOf } from '@sanxiang/shared';
import type { TCalendarSource } from './data-access/calendar-source';
import { asDatabase, databaseReadiness, type TDb } from './data-access/prisma-client';
import type { TDomainDeps } from './domain/deps';
import { inboxRoutes } from './entry-points/http/inbox-routes';
import { internalRoutes } from './entry-points/http/internal-routes';
import { taskRoutes } from './entry-points/http/task-routes';

export interface TAppDeps {
  config: TConfigOf<'notifications'>;
  db: TDb;
  logger: Logger;
  calendar: TCalendarSource;
  /** Defaults to the wall clock. */
  now?: () => Date;
  /** The directory's leadership units (the board's scope); absent: only reviewers see every unit. */
  leadershipUnitIds?: () => Promise<readonly string[]>;
  /** After a commit that queued e-mails (the sender's kick); absent: the sender's next pass. */
  emailQueued?: () => void;
}

/** The service as an Express app, built from its dependencies (the tests build it the same way). */
export function createApp(deps: TAppDeps) {
  const domain: TDomainDeps = {
    db: asDatabase(deps.db),
    logger: deps.logger,
    calendar: deps.calendar,
    now: deps.now ?? (() => new Date()),
    consoleUrl: deps.config.CONSOLE_URL.replace(/\/$/, ''),
    ...(deps.leadershipUnitIds ? { leadershipUnitIds: deps.leadershipUnitIds } : {}),
    ...(deps.emailQueued ? { emailQueued: deps.emailQueued } : {}),
  };
  const api = new Api(createTokenVerifier(deps.config));
  internalRoutes(api, domain);
  inboxRoutes(api, domain);
  taskRoutes(api, domain);
  return createServiceApp({
    name: 'notifications',
    trustProxy: deps.config.HTTP_TRUST_PROXY,
    title: '通知与督办 notifications service',
    description:
      '期限提醒与督办的送达：个人通知箱、邮件（SMTP 发件箱，失败重试）、个人设置、我的待办与督办看板读模型。设计见 docs/notifications.md。',
    logger: deps.logger,
    api,
    readiness: { database: databaseReadiness(deps.db) },
  });
}
