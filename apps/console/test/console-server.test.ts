import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { composeService, type TComposedService } from '@sanxiang/legal-review';
import { signToken } from '@sanxiang/shared';
import { createTestDatabase, testConfig, testStack, type TTestDatabase } from '@sanxiang/testing';
import { Client, Pool } from 'pg';
import request from 'supertest';
import {
  createConsoleApp,
  createOidcClient,
  SESSION_COOKIE,
  SESSION_HEADER,
  SESSION_TABLE,
  type TOidcClient,
} from '../server';

// The console server against the real legal-review service and a real PostgreSQL session store.
// Sessions are put in the store as sign-in would leave them (a development token for the person);
// the sign-in itself is tested in the browser test against the identity provider.

const CONSOLE_URL = 'http://console.test';
const SECRET = randomBytes(32).toString('hex');

let reviewDb: TTestDatabase;
let legalReview: TComposedService;
let legalReviewServer: Server;
let sessionDbName: string;
let pool: Pool;
let consoleApp: ReturnType<typeof createConsoleApp>;

const notUsed = async (): Promise<never> => {
  throw new Error('the identity provider is not part of this test');
};
const oidc: TOidcClient = {
  startLogin: notUsed,
  finishLogin: notUsed,
  refresh: notUsed,
  logoutUrl: async () => `${CONSOLE_URL}/`,
};

async function adminQuery(sql: string) {
  const c = new Client({ connectionString: testStack().pgAdminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  reviewDb = await createTestDatabase('legal-review');
  legalReview = composeService(
    testConfig('legal-review', { DATABASE_URL: reviewDb.url, SERVICE_URL_RECORDING: 'http://127.0.0.1:9' }),
  );
  legalReviewServer = await new Promise<Server>((resolve) => {
    const s = legalReview.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  sessionDbName = `test_console_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${sessionDbName}"`);
  const url = new URL(testStack().pgAdminUrl);
  url.pathname = `/${sessionDbName}`;
  pool = new Pool({ connectionString: url.toString(), max: 3 });
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'console-dist-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>执法工作台</title>');
  consoleApp = createConsoleApp({
    consoleUrl: CONSOLE_URL,
    sessionSecret: SECRET,
    pool,
    oidc,
    services: {
      'legal-review': `http://127.0.0.1:${(legalReviewServer.address() as AddressInfo).port}`,
      recording: 'http://127.0.0.1:9',
    },
    logger: legalReview.logger,
    staticDir,
    temporalUi: { url: 'http://temporal-ui.test', namespace: 'default' },
  });
});

afterAll(async () => {
  await consoleApp?.close();
  await pool?.end();
  await new Promise((resolve) => legalReviewServer?.close(resolve));
  await legalReview?.close();
  await reviewDb?.drop();
  if (sessionDbName) await adminQuery(`DROP DATABASE IF EXISTS "${sessionDbName}" WITH (FORCE)`);
});

/** A signed-in session in the store, and the cookie the browser would hold for it. */
async function signedIn(options: { roles: string[]; expiresInMs?: number }) {
  const accessToken = await signToken({
    secret: testStack().authSecret,
    issuer: process.env.AUTH_ISSUER ?? 'sanxiang-local',
    audience: process.env.AUTH_AUDIENCE ?? 'sanxiang',
    subject: 'u-lisi',
    name: '李四',
    roles: options.roles as never,
    expiresIn: '1h',
  });
  const sid = randomBytes(16).toString('hex');
  const csrfToken = randomBytes(16).toString('hex');
  await new Promise<void>((resolve, reject) =>
    consoleApp.sessionStore.set(
      sid,
      {
        cookie: {
          originalMaxAge: 3_600_000,
          expires: new Date(Date.now() + 3_600_000),
          httpOnly: true,
          path: '/',
        },
        user: { id: 'u-lisi', name: '李四', unit: 'fazhi', unitName: '法制审核科', roles: options.roles },
        tokens: {
          accessToken,
          refreshToken: null,
          idToken: null,
          expiresAt: Date.now() + (options.expiresInMs ?? 3_600_000),
        },
        csrfToken,
      } as never,
      (err) => (err ? reject(err as Error) : resolve()),
    ),
  );
  // express-session's cookie: "s:" + id + "." + HMAC-SHA256 (cookie-signature).
  const signature = createHmac('sha256', SECRET).update(sid).digest('base64').replace(/=+$/u, '');
  return {
    sid,
    csrfToken,
    accessToken,
    cookie: `${SESSION_COOKIE}=${encodeURIComponent(`s:${sid}.${signature}`)}`,
  };
}

it('tells the browser who is signed in, never the token', async () => {
  await request(consoleApp.app).get('/auth/session').expect(401);
  const s = await signedIn({ roles: ['reviewer'] });
  const res = await request(consoleApp.app).get('/auth/session').set('cookie', s.cookie).expect(200);
  expect(res.body).toEqual({
    user: { id: 'u-lisi', name: '李四', unit: 'fazhi', unitName: '法制审核科', roles: ['reviewer'] },
    csrfToken: s.csrfToken,
  });
  expect(JSON.stringify(res.body)).not.toContain(s.accessToken);
  // The session is a row of the console's PostgreSQL table.
  const rows = await pool.query(`SELECT sess FROM ${SESSION_TABLE} WHERE sid = $1`, [s.sid]);
  expect(rows.rowCount).toBe(1);
});

it('gives only admins the Temporal Web UI address for the case page’s workflow link', async () => {
  const reviewer = await signedIn({ roles: ['reviewer'] });
  const asReviewer = await request(consoleApp.app).get('/auth/session').set('cookie', reviewer.cookie);
  expect(asReviewer.body.temporalUi).toBeUndefined();
  const admin = await signedIn({ roles: ['admin'] });
  const asAdmin = await request(consoleApp.app).get('/auth/session').set('cookie', admin.cookie).expect(200);
  expect(asAdmin.body.temporalUi).toEqual({ url: 'http://temporal-ui.test', namespace: 'default' });
});

it('tells admins each service’s readiness (系统状态), and nobody else', async () => {
  const reviewer = await signedIn({ roles: ['reviewer'] });
  const refused = await request(consoleApp.app).get('/api/system/status').set('cookie', reviewer.cookie);
  expect(refused.status).toBe(403);
  expect(refused.body.detail).toBe('系统状态仅系统管理员可查看');
  const admin = await signedIn({ roles: ['admin'] });
  const res = await request(consoleApp.app).get('/api/system/status').set('cookie', admin.cookie).expect(200);
  const byName = Object.fromEntries(
    (res.body.components as { name: string; state: string; checks: Record<string, unknown> }[]).map((c) => [
      c.name,
      c,
    ]),
  );
  expect(Object.keys(byName).sort()).toEqual(['console', 'legal-review', 'recording']);
  // The real legal-review service answers its /readyz with its own checks, passed on as they are
  // (ready, or one of its checks failing under load: 503 naming it); nothing listens at :9.
  const review = byName['legal-review'] as unknown as { state: string; httpStatus: number; error: unknown };
  expect(review.error).toBeNull();
  expect(review.httpStatus).toBe(review.state === 'ready' ? 200 : 503);
  expect(Object.keys(byName['legal-review']!.checks)).toEqual(expect.arrayContaining(['database']));
  expect(byName.recording).toMatchObject({ state: 'unreachable', httpStatus: null });
  expect(byName.console).toMatchObject({ state: 'ready', checks: { database: { ok: true } } });
});

it('proxies to the service with the person’s token', async () => {
  const s = await signedIn({ roles: ['reviewer'] });
  const res = await request(consoleApp.app)
    .get('/api/legal-review/reviews?limit=5')
    .set('cookie', s.cookie)
    .expect(200);
  expect(res.body).toEqual({ items: [], nextCursor: null });
  // The service applies the person's roles: an officer may not read the queue.
  const officer = await signedIn({ roles: ['officer'] });
  const refused = await request(consoleApp.app)
    .get('/api/legal-review/reviews')
    .set('cookie', officer.cookie);
  expect(refused.status).toBe(403);
  expect(refused.headers['content-type']).toContain('application/problem+json');
  // Without a session there is nothing to forward.
  await request(consoleApp.app).get('/api/legal-review/reviews').expect(401);
  await request(consoleApp.app).get('/api/nosuch/x').set('cookie', s.cookie).expect(404);
});

it('refuses state-changing requests without the CSRF token or from another origin', async () => {
  const s = await signedIn({ roles: ['reviewer'] });
  const path = `/api/legal-review/reviews/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/assignment`;
  const body = { reviewerId: 'u-lisi', reviewerName: '李四' };
  const noToken = await request(consoleApp.app).post(path).set('cookie', s.cookie).send(body);
  expect(noToken.status).toBe(403);
  expect(noToken.body.detail).toContain('防伪令牌');
  const otherSite = await request(consoleApp.app)
    .post(path)
    .set('cookie', s.cookie)
    .set('origin', 'http://evil.test')
    .set('x-csrf-token', s.csrfToken)
    .send(body);
  expect(otherSite.status).toBe(403);
  expect(otherSite.body.detail).toContain('其他站点');
  // With both, the request reaches the service, which answers for an unknown review.
  const reached = await request(consoleApp.app)
    .post(path)
    .set('cookie', s.cookie)
    .set('origin', CONSOLE_URL)
    .set('x-csrf-token', s.csrfToken)
    .set('idempotency-key', 'k-1')
    .send(body);
  expect(reached.status).toBe(404);
  expect(reached.headers['content-type']).toContain('application/problem+json');
});

it('asks the person to sign in again when the token expired and cannot be refreshed', async () => {
  const s = await signedIn({ roles: ['reviewer'], expiresInMs: 1_000 });
  const res = await request(consoleApp.app).get('/api/legal-review/reviews').set('cookie', s.cookie);
  expect(res.status).toBe(401);
  expect(res.body.detail).toContain('重新登录');
  // The console's own 401 is marked, so the app signs in again on it (and not on a service's 401).
  expect(res.headers[SESSION_HEADER]).toBe('none');
});

it('says in Chinese, on its own page, that the identity provider is unreachable', async () => {
  // A real OpenID client at an address where nothing listens.
  const unreachable = createConsoleApp({
    consoleUrl: CONSOLE_URL,
    sessionSecret: SECRET,
    pool,
    oidc: createOidcClient({
      issuer: 'http://127.0.0.1:9',
      clientSecret: 'x'.repeat(16),
      consoleUrl: CONSOLE_URL,
      logger: legalReview.logger,
    }),
    services: {},
    logger: legalReview.logger,
  });
  try {
    const res = await request(unreachable.app).get('/auth/login?returnTo=%2Freviews');
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('统一身份认证服务暂时无法访问');
    expect(res.text).toContain('href="/auth/login?returnTo=%2Freviews"');
    expect(res.text).not.toMatch(/at \w+ \(|Error:/u);
  } finally {
    await unreachable.close();
  }
});

it('shows a signed-out page that leads back to sign-in', async () => {
  const res = await request(consoleApp.app).get('/auth/signed-out').expect(200);
  expect(res.text).toContain('已退出登录');
  expect(res.text).toContain('href="/auth/login"');
});

it('answers a dropped service with 502 in Chinese, and serves the app for its own routes', async () => {
  const s = await signedIn({ roles: ['head'] });
  const res = await request(consoleApp.app).get('/api/recording/cases').set('cookie', s.cookie);
  expect(res.status).toBe(502);
  expect(res.body.detail).toContain('暂时无法访问');
  const page = await request(consoleApp.app).get('/cases/%E5%B8%B8%E4%BA%BA%E7%A4%BE').expect(200);
  expect(page.text).toContain('执法工作台');
  expect(page.headers['content-security-policy']).toContain("default-src 'self'");
});

it('signs out: the session is gone from the store', async () => {
  const s = await signedIn({ roles: ['reviewer'] });
  await request(consoleApp.app).post('/auth/logout').set('cookie', s.cookie).expect(403);
  const res = await request(consoleApp.app)
    .post('/auth/logout')
    .set('cookie', s.cookie)
    .set('origin', CONSOLE_URL)
    .set('x-csrf-token', s.csrfToken)
    .expect(200);
  expect(res.body.redirectTo).toBe(`${CONSOLE_URL}/`);
  const rows = await pool.query(`SELECT 1 FROM ${SESSION_TABLE} WHERE sid = $1`, [s.sid]);
  expect(rows.rowCount).toBe(0);
  await request(consoleApp.app).get('/auth/session').set('cookie', s.cookie).expect(401);
});
