import { Client } from 'pg';
import { HttpBrowser, consoleClient, signInOverHttp } from './sign-in-flow';
import { CONSOLE_URL, DEMO_PASSWORD, startSignInSystem, type TSignInSystem } from './support';

/**
 * Sign-in throttling at the real provider: failures per login name and per peer address, counted in
 * the provider's PostgreSQL database (so they survive a restart and are shared by its processes),
 * 429 with Retry-After and a Chinese page, and no way around it with a forged X-Forwarded-For.
 */
describe('sign-in rate limit', () => {
  let system: TSignInSystem;
  beforeAll(async () => {
    system = await startSignInSystem({
      identity: {
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
        LOGIN_MAX_FAILURES_PER_PEER: '6',
        LOGIN_RATE_WINDOW: '600',
      },
    });
  });
  afterAll(() => system?.close());
  beforeEach(async () => {
    const pg = new Client({ connectionString: system.identityDatabaseUrl });
    await pg.connect();
    await pg.query(`DELETE FROM "RateLimitHit"`);
    await pg.end();
  });

  const signIn = async (login: string, password: string, headers: Record<string, string> = {}) => {
    const client = await consoleClient(system.issuer);
    return signInOverHttp(new HttpBrowser(headers), client.authorizationUrl, login, password);
  };

  it('locks one login name after its failures, with Retry-After, even for the right password', async () => {
    for (let i = 0; i < 3; i += 1) expect((await signIn('zhoujianguo', 'wrong-password')).status).toBe(401);
    const locked = await signIn('zhoujianguo', DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.callbackUrl).toBeUndefined();
    expect(locked.body).toContain('登录失败次数过多');
    const retryAfter = Number(locked.retryAfter);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // The login name is what is locked: the same login in another case too.
    expect((await signIn('ZhouJianguo', DEMO_PASSWORD)).status).toBe(429);

    // Another account from the same address still signs in.
    const other = await signIn('zhangwei', DEMO_PASSWORD);
    expect(other.callbackUrl).toMatch(new RegExp(`^${CONSOLE_URL}/auth/callback\\?code=`));

    // The counters are in the database: a restarted provider still refuses.
    await system.restartProvider();
    expect((await signIn('zhoujianguo', DEMO_PASSWORD)).status).toBe(429);
  });

  it('forgets an account’s failures after it signs in', async () => {
    for (let i = 0; i < 2; i += 1) expect((await signIn('lina', 'wrong-password')).status).toBe(401);
    expect((await signIn('lina', DEMO_PASSWORD)).callbackUrl).toBeDefined();
    for (let i = 0; i < 3; i += 1) expect((await signIn('lina', 'wrong-password')).status).toBe(401);
    expect((await signIn('lina', 'wrong-password')).status).toBe(429);
  });

  it('limits failures from one peer address across logins; a forged X-Forwarded-For does not help', async () => {
    const logins = ['zhangwei', 'lina', 'wanglei', 'chenjing', 'zhoujianguo', 'nobody'];
    for (const [i, login] of logins.entries()) {
      const res = await signIn(login, 'wrong-password', { 'x-forwarded-for': `198.51.100.${i + 1}` });
      expect({ login, status: res.status }).toEqual({ login, status: 401 });
    }
    // HTTP_TRUST_PROXY is empty: the peer is 127.0.0.1 whatever the header says.
    const limited = await signIn('zhangwei', DEMO_PASSWORD, { 'x-forwarded-for': '203.0.113.99' });
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);

    const pg = new Client({ connectionString: system.identityDatabaseUrl });
    await pg.connect();
    try {
      const { rows } = await pg.query<{ key: string; hits: number }>(
        `SELECT "key", "hits" FROM "RateLimitHit" WHERE "key" LIKE 'login-peer:%'`,
      );
      expect(rows).toEqual([{ key: expect.stringMatching(/^login-peer:(::ffff:)?127\.0\.0\.1$/), hits: 7 }]);
    } finally {
      await pg.end();
    }
  });
});
