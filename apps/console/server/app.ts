import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '@sanxiang/shared';
import express, { type Express, type Request } from 'express';
import type { Pool } from 'pg';
import { pinoHttp } from 'pino-http';
import { csrfProtection } from './csrf';
import { type TOidcClient, userOfAccessToken } from './oidc';
import { apiProxy } from './proxy';
import { newCsrfToken, sessionMiddleware } from './session';

export interface TConsoleAppDeps {
  consoleUrl: string;
  sessionSecret: string;
  pool: Pool;
  oidc: TOidcClient;
  /** Service base URLs by the name used in `/api/<name>/…`. */
  services: Record<string, string>;
  logger: Logger;
  /** The built browser app (vite build → dist/); absent in API-only tests. */
  staticDir?: string;
}

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 30_000;

/**
 * The console server (backend-for-frontend): signs people in with OIDC (authorization code + PKCE),
 * keeps their tokens in the server-side session, proxies `/api/<service>/…` with the person's token,
 * and serves the browser app.
 */
export function createConsoleApp(deps: TConsoleAppDeps) {
  const app: Express = express();
  const consoleOrigin = new URL(deps.consoleUrl).origin;
  const sessions = sessionMiddleware({
    pool: deps.pool,
    secret: deps.sessionSecret,
    secureCookie: deps.consoleUrl.startsWith('https:'),
  });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(pinoHttp({ logger: deps.logger, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  app.use((_req, res, next) => {
    // antd injects its styles at run time (CSS-in-JS), hence 'unsafe-inline' for styles only.
    res.setHeader(
      'content-security-policy',
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'",
    );
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: 'console' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await deps.pool.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch (err) {
      res.status(503).json({ status: 'not ready', error: (err as Error).message });
    }
  });
  app.use(sessions.middleware);

  // ---- sign-in ------------------------------------------------------------------------------
  app.get('/auth/login', async (req, res) => {
    const returnTo = safeReturnTo(req.query.returnTo);
    const login = await deps.oidc.startLogin();
    req.session.login = {
      codeVerifier: login.codeVerifier,
      state: login.state,
      nonce: login.nonce,
      returnTo,
    };
    await save(req);
    res.redirect(login.url);
  });

  app.get('/auth/callback', async (req, res) => {
    const login = req.session.login;
    if (!login) {
      res.redirect('/auth/login');
      return;
    }
    const callbackUrl = new URL(req.originalUrl, deps.consoleUrl);
    let tokens;
    try {
      tokens = await deps.oidc.finishLogin(callbackUrl, login);
    } catch (err) {
      deps.logger.warn({ err }, 'sign-in failed');
      res.status(400).type('text/html; charset=utf-8').send(signInFailedPage());
      return;
    }
    // A new session id after sign-in (no session fixation).
    await new Promise<void>((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())));
    req.session.tokens = tokens;
    req.session.user = userOfAccessToken(tokens.accessToken);
    req.session.csrfToken = newCsrfToken();
    await save(req);
    res.redirect(login.returnTo);
  });

  app.get('/auth/session', (req, res) => {
    if (!req.session.user || !req.session.tokens) {
      res
        .status(401)
        .type('application/problem+json')
        .json({ title: '未登录', status: 401, detail: '请先登录' });
      return;
    }
    req.session.csrfToken ??= newCsrfToken();
    res.setHeader('cache-control', 'no-store');
    res.json({ user: req.session.user, csrfToken: req.session.csrfToken });
  });

  app.post('/auth/logout', csrfProtection(consoleOrigin), async (req, res) => {
    const idToken = req.session.tokens?.idToken ?? null;
    await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
    res.clearCookie('sanxiang.console.sid', { path: '/' });
    let redirectTo = '/';
    try {
      redirectTo = await deps.oidc.logoutUrl(idToken);
    } catch (err) {
      deps.logger.warn({ err }, 'no end-session URL; signed out of the console only');
    }
    res.json({ redirectTo });
  });

  // ---- the services ---------------------------------------------------------------------------
  const refreshing = new Map<string, Promise<string | null>>();
  const accessToken = async (req: Request): Promise<string | null> => {
    const tokens = req.session.tokens;
    if (!tokens) return null;
    if (tokens.expiresAt - REFRESH_MARGIN_MS > Date.now()) return tokens.accessToken;
    if (!tokens.refreshToken) return null;
    // One refresh per session at a time: refresh tokens may be single-use.
    const pending = refreshing.get(req.sessionID);
    if (pending) return pending;
    const refresh = deps.oidc
      .refresh(tokens.refreshToken)
      .then(async (next) => {
        req.session.tokens = next;
        req.session.user = userOfAccessToken(next.accessToken);
        await save(req);
        return next.accessToken;
      })
      .catch((err: unknown) => {
        deps.logger.info({ err }, 'token refresh refused; the person signs in again');
        return null;
      })
      .finally(() => refreshing.delete(req.sessionID));
    refreshing.set(req.sessionID, refresh);
    return refresh;
  };
  app.use(
    '/api/:service',
    csrfProtection(consoleOrigin),
    apiProxy({ targets: deps.services, accessToken, logger: deps.logger }),
  );

  // ---- the browser app ------------------------------------------------------------------------
  if (deps.staticDir && existsSync(deps.staticDir)) {
    const staticDir = deps.staticDir;
    app.use('/assets', express.static(path.join(staticDir, 'assets'), { immutable: true, maxAge: '1y' }));
    app.use(express.static(staticDir, { index: false }));
    // Every other page is a route of the single-page app.
    app.get(/^\/(?!api\/|auth\/).*/u, (_req, res) => {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(path.join(staticDir, 'index.html'));
    });
  }
  return { app, sessionStore: sessions.store, close: () => sessions.close() };
}

function save(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((e) => (e ? reject(e) : resolve())));
}

/** Only paths of the console itself (no `//host`, no scheme). */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/u.test(value) ? value : '/';
}

function signInFailedPage(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>登录失败</title></head>
<body><main><h1>登录失败</h1><p>登录未能完成（可能已超时）。<a href="/auth/login">重新登录</a></p></main></body></html>`;
}
