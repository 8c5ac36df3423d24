import { testConfig } from '@sanxiang/testing';
// The disclosure app as its own process for the benchmark (so that the load generator does not
// share its event loop): prints `{"port":N}` on stdout once listening; stops on SIGTERM.
import { createLogger, createTemporalClient } from '@sanxiang/shared';
import { createApp } from '../src/app';
import { createPrismaClient } from '../src/data-access/prisma-client';
import { createPublicReadPool } from '../src/data-access/public-read-pool';

const databaseUrl = process.env.BENCH_DATABASE_URL;
if (!databaseUrl) throw new Error('BENCH_DATABASE_URL is required');
const poolSize = Number(process.env.BENCH_POOL_SIZE ?? '8');
const db = createPrismaClient(databaseUrl, { poolSize });
// Lazy: the search never talks to Temporal.
const temporal = createTemporalClient({
  TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
  TEMPORAL_NAMESPACE: 'default',
  TEMPORAL_CODEC_KEYS: process.env.TEMPORAL_CODEC_KEYS ?? '',
});
const app = createApp({
  config: testConfig('disclosure', {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    AUTH_JWT_SECRET: 'bench-secret-bench-secret-bench-secret!',
    AUTH_ISSUER: 'bench',
    AUTH_AUDIENCE: 'bench',
    TEMPORAL_TASK_QUEUE: 'bench',
  }),
  db,
  publicReads: createPublicReadPool(databaseUrl, { max: poolSize }),
  temporal,
  logger: createLogger({ name: 'disclosure-bench', level: 'warn' }),
  // The load generator is one client IP: the public rate limit would otherwise stop it.
  publicRateLimit: { readLimit: 10_000_000, readWindowMs: 60_000, submitLimit: 1, submitWindowMs: 60_000 },
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(
    `${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`,
  );
});
server.keepAliveTimeout = 60_000;
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close();
  // Exit even if a pool is slow to close; nothing here needs a graceful end.
  setTimeout(() => process.exit(0), 500).unref();
  void db.$disconnect().finally(() => process.exit(0));
});
