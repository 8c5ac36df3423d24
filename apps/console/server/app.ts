import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '@sanxiang/shared';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Pool } from 'pg';
import { pinoHttp } from 'pino-http';
import { calendarAdmin, type TCalendarAdminDeps } from './calendar-admin';
import { csrfProtection } from './csrf';
import { type TOidcClient, userOfTokens } from './oidc';
import { messagePage } from './pages';
import { apiProxy } from './proxy';
import { newCsrfToken, sessionMiddleware } from './session';
import { systemStatus } from './system-status';

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
  /** Besides the services: other components whose `/readyz` 系统状态 shows (e.g. the identity provider). */
  healthTargets?: Record<string, string>;
  /** Temporal Web UI, for admins' links from a case to its workflow; absent: no link. */
  temporalUi?: { url: string; namespace: string };
  /** The public platform's address as browsers reach it, for links to a record's public page. */
  publicPlatformUrl?: string;
  /** 日历 (admins): the holiday data folder and a Temporal client; absent: the page says so. */
  calendar?: Omit<TCalendarAdminDeps, 'logger'>;
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
    let login;
    try {
      login = await deps.oidc.startLogin();
    } catch (err) {
      deps.logger.warn({ err }, 'sign-in: identity provider unreachable');
      sendPage(res, 503, {
        title: '暂时无法登录',
        message: '统一身份认证服务暂时无法访问，请稍后重试。如果问题持续，请联系信息中心。',
        action: { href: `/auth/login?returnTo=${encodeURIComponent(returnTo)}`, label: '重试' },
      });
      return;
    }
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
      sendPage(res, 400, {
        title: '登录未完成',
        message: '登录未能完成（可能已取消或超时）。请重新登录。',
        action: { href: `/auth/login?returnTo=${encodeURIComponent(login.returnTo)}`, label: '重新登录' },
      });
      return;
    }
    // A new session id after sign-in (no session fixation).
    await new Promise<void>((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())));
    req.session.tokens = tokens;
    req.session.user = userOfTokens(tokens);
    req.session.csrfToken = newCsrfToken();
    await save(req);
    res.redirect(login.returnTo);
  });

  app.get('/auth/signed-out', (_req, res) => {
    sendPage(res, 200, {
      title: '已退出登录',
      message: '您已安全退出执法工作台。',
      action: { href: '/auth/login', label: '重新登录' },
    });
  });

  app.get('/auth/session', (req, res) => {
    if (!req.session.user || !req.session.tokens) {
      res
        .status(401)
        .setHeader(SESSION_HEADER, 'none')
        .type('application/problem+json')
        .json({ title: '未登录', status: 401, detail: '请先登录' });
      return;
    }
    req.session.csrfToken ??= newCsrfToken();
    res.setHeader('cache-control', 'no-store');
    // Admins get the Temporal Web UI's address for the case page's link to the workflow.
    const temporalUi =
      deps.temporalUi && req.session.user.roles.includes('admin') ? { temporalUi: deps.temporalUi } : {};
    const publicPlatform = deps.publicPlatformUrl ? { publicPlatformUrl: deps.publicPlatformUrl } : {};
    res.json({ user: req.session.user, csrfToken: req.session.csrfToken, ...temporalUi, ...publicPlatform });
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
        req.session.user = userOfTokens(next, req.session.user);
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
  // The console's own: every component's readiness for 系统状态 (admins), before the proxy.
  app.get(
    '/api/system/status',
    systemStatus({
      targets: { ...deps.services, ...deps.healthTargets },
      pool: deps.pool,
      logger: deps.logger,
    }),
  );
  if (deps.calendar)
    app.use(
      '/api/calendar',
      csrfProtection(consoleOrigin),
      calendarAdmin({ ...deps.calendar, logger: deps.logger }),
    );
  else
    app.use('/api/calendar', (_req, res) => {
      res
        .status(503)
        .type('application/problem+json')
        .json({ title: '未配置', status: 503, detail: '执法工作台未配置节假日数据目录与工作流引擎' });
    });
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
  // Whatever failed unexpectedly: a page (or a problem+json for the API) in Chinese, never a stack.
  app.use((err: Error, req: Request, res: Response, next: NextFunction) => {
    deps.logger.error({ err }, 'console request failed');
    if (res.headersSent) return next(err);
    if (req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json') {
      res
        .status(500)
        .type('application/problem+json')
        .json({ title: '内部错误', status: 500, detail: '执法工作台服务出错，请稍后重试' });
      return;
    }
    sendPage(res, 500, {
      title: '出错了',
      message: '执法工作台服务出错，请稍后重试。',
      action: { href: '/', label: '返回首页' },
    });
  });
  return { app, sessionStore: sessions.store, close: () => sessions.close() };
}

/** On the console's own 401s: the browser app signs in again on these, not on a service's 401. */
export const SESSION_HEADER = 'x-console-session';

function sendPage(res: Response, status: number, page: Parameters<typeof messagePage>[0]) {
  res.status(status).type('text/html; charset=utf-8').setHeader('cache-control', 'no-store');
  res.send(messagePage(page));
}

function save(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((e) => (e ? reject(e) : resolve())));
}

/** Only paths of the console itself (no `//host`, no scheme). */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/u.test(value) ? value : '/';
}
