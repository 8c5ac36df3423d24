import { Api, createServiceApp, createTokenVerifier, type Logger, type TConfigOf } from '@sanxiang/shared';
import { asDatabase, databaseReadiness, type TDb } from './data-access/prisma-client';
import type { TDomainDeps } from './domain/deps';
import { certificateRoutes } from './entry-points/http/certificate-routes';
import { internalRoutes } from './entry-points/http/internal-routes';
import { organisationRoutes } from './entry-points/http/organisation-routes';
import { peopleRoutes } from './entry-points/http/people-routes';

export interface TAppDeps {
  config: TConfigOf<'directory'>;
  db: TDb;
  logger: Logger;
  /** Defaults to the wall clock. */
  now?: () => Date;
}

/** The service as an Express app, built from its dependencies (the tests build it the same way). */
export function createApp(deps: TAppDeps) {
  const domain: TDomainDeps = {
    db: asDatabase(deps.db),
    logger: deps.logger,
    now: deps.now ?? (() => new Date()),
  };
  const api = new Api(createTokenVerifier(deps.config));
  internalRoutes(api, domain);
  organisationRoutes(api, domain);
  peopleRoutes(api, domain);
  certificateRoutes(api, domain);
  return createServiceApp({
    name: 'directory',
    trustProxy: deps.config.HTTP_TRUST_PROXY,
    title: '人员与执法证目录 directory service',
    description:
      '机关、机构（负责人、副职）、人员、执法证的唯一来源：管理接口、登录查人、执法证核验、执法人员清单。设计见 docs/directory.md。',
    logger: deps.logger,
    api,
    readiness: { database: databaseReadiness(deps.db) },
  });
}
