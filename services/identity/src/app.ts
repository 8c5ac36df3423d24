import { trustProxySetting, type Logger } from '@sanxiang/shared';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Provider } from 'oidc-provider';
import type { TDirectoryAccounts } from './data-access/directory-accounts';
import type { TLoginRateLimit } from './domain/login-rate-limit';
import { interactionRoutes } from './entry-points/interactions';
import { errorPage } from './entry-points/pages';

/** Express in front, oidc-provider (Koa) behind: our routes first, then every OpenID endpoint. */
export function createApp(deps: {
  provider: Provider;
  accounts: TDirectoryAccounts;
  demoPassword: string;
  logger: Logger;
  loginLimit: TLoginRateLimit;
  /** HTTP_TRUST_PROXY: whose X-Forwarded-For gives the peer address of a sign-in (none by default). */
  trustProxy?: string;
  /** Origins the login form's redirects may reach (the console's). */
  redirectOrigins: string[];
  /** What must answer before the provider can sign anybody in (`/readyz`). */
  readiness: Record<string, () => Promise<unknown>>;
}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(deps.trustProxy));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await Promise.all(
      Object.entries(deps.readiness).map(async ([name, check]) => {
        try {
          await check();
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
  app.use(interactionRoutes(deps));
  // No body parser before the provider: it reads its own request bodies.
  app.use(deps.provider.callback());
  app.use((err: Error, _req: Request, res: Response, next: NextFunction) => {
    deps.logger.error({ err }, 'identity request failed');
    if (res.headersSent) return next(err);
    res.status(500).type('html').send(errorPage('server_error', '身份认证服务内部错误，请稍后再试。'));
  });
  return app;
}
