import { PrismaPg } from '@prisma/adapter-pg';
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
