// For operators with network access: the stock `prisma migrate deploy` reads this file.
// Here, migrations run through packages/prisma-migrate (no native engine download needed).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
