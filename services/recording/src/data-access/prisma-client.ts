import { PrismaPg } from '@prisma/adapter-pg';
import { databaseHandles } from '@sanxiang/shared';
import { Prisma, PrismaClient } from '../generated/prisma/client';

export type TDb = PrismaClient;
/** A client inside an interactive transaction. */
export type TTx = Prisma.TransactionClient;
export { Prisma };

/** The service's one database client (Prisma over node-postgres, no native engine). */
export function createPrismaClient(databaseUrl: string): TDb {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

export const databaseReadiness = (db: TDb) => async () => {
  await db.$queryRaw`SELECT 1`;
};

/** A unique constraint was violated (e.g. two concurrent requests with the same natural key). */
export const isUniqueViolation = (err: unknown): boolean =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

/** The domain holds the database as an opaque handle (`TDatabase`); only data-access opens it. */
export const { asDatabase, asTransaction, clientOf, prismaOf, outboxRelay } = databaseHandles<
  TDb,
  Prisma.TransactionClient
>();
