import { PrismaPg } from '@prisma/adapter-pg';
import { databaseHandles } from '@sanxiang/shared';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type TDb = PrismaClient;
/** A client bound to one interactive transaction. */
export type TTx = Prisma.TransactionClient;

/** The service's one database client (Prisma over node-postgres, no native engine). */
export function createPrismaClient(databaseUrl: string, options: { poolSize?: number } = {}): TDb {
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString: databaseUrl,
      ...(options.poolSize ? { max: options.poolSize } : {}),
    }),
  });
}

export const databaseReadiness = (db: TDb) => async () => {
  await db.$queryRaw`SELECT 1`;
};

/** The domain holds the database as an opaque handle (`TDatabase`); only data-access opens it. */
export const { asDatabase, asTransaction, clientOf, prismaOf } = databaseHandles<TDb, TTx>();
