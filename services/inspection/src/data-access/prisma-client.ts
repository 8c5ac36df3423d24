import { PrismaPg } from '@prisma/adapter-pg';
import { databaseHandles } from '@sanxiang/shared';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type TDb = PrismaClient;

/**
 * The service's one database client (Prisma over node-postgres, no native engine). The session
 * time zone is pinned to UTC: the adapter sends instants as UTC text without an offset, which
 * PostgreSQL would otherwise read in the server's zone (often Asia/Shanghai in production).
 */
export function createPrismaClient(databaseUrl: string): TDb {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, options: '-c TimeZone=UTC' }),
  });
}

export const databaseReadiness = (db: TDb) => async () => {
  await db.$queryRaw`SELECT 1`;
};

/** The domain holds the database as an opaque handle (`TDatabase`); only data-access opens it. */
export const { asDatabase, asTransaction, clientOf, prismaOf, outboxRelay } = databaseHandles<
  TDb,
  Prisma.TransactionClient
>();
