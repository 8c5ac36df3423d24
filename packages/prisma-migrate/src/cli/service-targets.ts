import path from 'node:path';
import { PrismaMigrateError } from '../errors';

// The project's services and where their Prisma files live: services/<name>/prisma/…
export const SERVICES = [
  'disclosure',
  'recording',
  'legal-review',
  'directory',
  'notifications',
  'identity',
  'inspection',
] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface ServiceTarget {
  service: ServiceName;
  schemaPath: string;
  migrationsDir: string;
  databaseUrl: string;
  /** Which variable the URL came from, for messages. */
  urlSource: string;
}

/** The checkout's services/ folder (this file is packages/prisma-migrate/src/cli/). */
export const DEFAULT_SERVICES_ROOT = path.resolve(__dirname, '../../../../services');

export function isServiceName(value: string | undefined): value is ServiceName {
  return (SERVICES as readonly string[]).includes(value ?? '');
}

/** DATABASE_URL_LEGAL_REVIEW for legal-review. */
export function databaseUrlVariable(service: ServiceName): string {
  return `DATABASE_URL_${service.toUpperCase().replace(/-/g, '_')}`;
}

export function resolveServiceTarget(
  service: ServiceName,
  options: { env: NodeJS.ProcessEnv; servicesRoot: string; allowSharedUrl: boolean },
): ServiceTarget {
  const variable = databaseUrlVariable(service);
  const own = options.env[variable];
  const shared = options.allowSharedUrl ? options.env.DATABASE_URL : undefined;
  const databaseUrl = own || shared;
  if (!databaseUrl) {
    throw new PrismaMigrateError(
      'INVALID_ARGUMENT',
      options.allowSharedUrl
        ? `No database URL for ${service}: set ${variable} (or DATABASE_URL).`
        : `No database URL for ${service}: set ${variable} (DATABASE_URL is not used when several services are handled, they must not share one database).`,
    );
  }
  const prismaDir = path.join(options.servicesRoot, service, 'prisma');
  return {
    service,
    schemaPath: path.join(prismaDir, 'schema.prisma'),
    migrationsDir: path.join(prismaDir, 'migrations'),
    databaseUrl,
    urlSource: own ? variable : 'DATABASE_URL',
  };
}
