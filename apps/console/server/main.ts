import path from 'node:path';
import { createLogger, createTemporalClient, loadConfig, runServer } from '@sanxiang/shared';
import { resolveCalendarDataDir } from '@sanxiang/shared/src/calendar';
import { Pool } from 'pg';
import { createConsoleApp } from './app';
import { createOidcClient } from './oidc';

const config = loadConfig('console');
const logger = createLogger({ name: 'console', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
const pool = new Pool({ connectionString: config.DATABASE_URL, max: 5 });
// A session-store connection the server ends while idle is replaced on the next query; report it.
pool.on('error', (error) => logger.warn({ err: error }, 'session pool: idle connection lost'));
// For the admins' 日历 page: list and signal workflows with provisional deadlines.
const temporal = createTemporalClient(config);
const { app, close } = createConsoleApp({
  consoleUrl: config.CONSOLE_URL.replace(/\/$/u, ''),
  sessionSecret: config.CONSOLE_SESSION_SECRET,
  pool,
  oidc: createOidcClient({
    issuer: config.OIDC_ISSUER,
    clientSecret: config.OIDC_CONSOLE_CLIENT_SECRET,
    consoleUrl: config.CONSOLE_URL.replace(/\/$/u, ''),
    logger,
  }),
  services: {
    recording: config.SERVICE_URL_RECORDING,
    'legal-review': config.SERVICE_URL_LEGAL_REVIEW,
    disclosure: config.SERVICE_URL_DISCLOSURE,
    directory: config.SERVICE_URL_DIRECTORY,
    notifications: config.SERVICE_URL_NOTIFICATIONS,
    inspection: config.SERVICE_URL_INSPECTION,
  },
  healthTargets: { identity: config.OIDC_ISSUER },
  calendar: { dataDir: resolveCalendarDataDir(config), temporal: temporal.client },
  ...(config.TEMPORAL_UI_URL
    ? {
        temporalUi: { url: config.TEMPORAL_UI_URL.replace(/\/$/u, ''), namespace: config.TEMPORAL_NAMESPACE },
      }
    : {}),
  ...(config.PUBLIC_PLATFORM_URL
    ? { publicPlatformUrl: config.PUBLIC_PLATFORM_URL.replace(/\/$/u, '') }
    : {}),
  logger,
  staticDir: path.join(__dirname, '..', 'dist'),
});

void runServer({
  app,
  host: config.HTTP_HOST,
  port: config.HTTP_PORT,
  logger,
  onShutdown: async () => {
    await close();
    await pool.end();
    await temporal.connection.close();
  },
});
