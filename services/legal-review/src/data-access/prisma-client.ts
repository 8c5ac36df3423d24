import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export type TDb = PrismaClient;

/** The service's one database client (Prisma over node-postgres, no native engine). */
export function createPrismaClient(databaseUrl: string): TDb {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

export const databaseReadiness = (db: TDb) => async () => {
  await db.$queryRaw`SELECT 1`;
};
