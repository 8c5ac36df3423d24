import { randomUUID } from 'node:crypto';
import express, { type Express, type RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import swaggerUi from 'swagger-ui-express';
import type { Api } from './api';
import { rejectBadBody, rejectBadRequestTarget } from './bad-input';
import { notFoundHandler, problemHandler } from './error-handler';
import { buildOpenApiDocument } from './openapi-document';

/** A readiness check: resolves when the dependency answers, rejects with why it does not. */
export type TReadinessCheck = () => Promise<void>;

export interface TServiceAppOptions {
  name: string;
  title: string;
  version?: string;
  description?: string;
  logger: Logger;
  api: Api;
  readiness: Record<string, TReadinessCheck>;
  /** Middleware mounted before the API (e.g. static assets, public pages with their own rate limit). */
  before?: RequestHandler[];
  jsonLimit?: string;
  /**
   * HTTP_TRUST_PROXY: the proxies whose `X-Forwarded-For` sets `req.ip` (audit trail, rate limits).
   * Empty (the default): none; `req.ip` is the peer address and a client cannot choose it.
   */
  trustProxy?: string;
}

/**
 * Express's `trust proxy` from HTTP_TRUST_PROXY (addresses/CIDRs, comma-separated): empty trusts
 * nobody, so `req.ip` is the peer address and no client can choose it with `X-Forwarded-For`.
 */
export function trustProxySetting(value: string | undefined): string[] | false {
  const trusted = (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return trusted.length > 0 ? trusted : false;
}

/**
 * The Express app every service shares: request ids and logging, JSON bodies, health and readiness,
 * the OpenAPI document and its docs page, the API, and problem+json errors.
 */
export function createServiceApp(options: TServiceAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(options.trustProxy));
  app.use(
    pinoHttp({
      logger: options.logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );
  app.use(rejectBadRequestTarget);
  app.use(express.json({ limit: options.jsonLimit ?? '1mb' }), rejectBadBody);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await Promise.all(
      Object.entries(options.readiness).map(async ([name, check]) => {
        try {
          await withTimeout(check(), 3000);
          return [name, { ok: true }] as const;
        } catch (err) {
          return [name, { ok: false, error: (err as Error).message }] as const;
        }
      }),
    );
    const ready = checks.every(([, c]) => c.ok);
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(checks) });
  });

  const document = buildOpenApiDocument(options.api, options);
  app.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  app.use(
    '/docs',
    swaggerUi.serveFiles(document),
    swaggerUi.setup(document, { customSiteTitle: options.title }),
  );

  for (const mw of options.before ?? []) app.use(mw);
  app.use(options.api.router);
  app.use(notFoundHandler);
  app.use(problemHandler);
  return app;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
