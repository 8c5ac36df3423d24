import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import * as oidc from 'openid-client';
import { Client } from 'pg';
import { HttpBrowser, consoleClient, signInOverHttp } from './sign-in-flow';
import { CONSOLE_URL, DEMO_PASSWORD, startSignInSystem, type TSignInSystem } from './support';

/** Authorization code + PKCE against the real provider, and the token at a real service. */
describe('sign-in through the local OpenID provider', () => {
  let system: TSignInSystem;
  beforeAll(async () => {
    system = await startSignInSystem();
  });
  afterAll(() => system?.close());

  const units = (authorization: string) =>
    fetch(`${system.directoryUrl}/units`, { headers: { authorization } });

  it('signs a demo head in and the directory accepts the access token; refresh works', async () => {
    const client = await consoleClient(system.issuer);
    const { callbackUrl } = await signInOverHttp(
      new HttpBrowser(),
      client.authorizationUrl,
      'zhoujianguo',
      DEMO_PASSWORD,
    );
    expect(callbackUrl).toMatch(new RegExp(`^${CONSOLE_URL}/auth/callback\\?code=`));
    const tokens = await client.finish(callbackUrl!);

    const claims = decodeJwt(tokens.access_token);
    expect(claims).toMatchObject({
      iss: system.issuer,
      aud: 'sanxiang',
      sub: 'demo-head-zhoujianguo',
      name: '周建国',
      unit: 'jiancha-zhidui',
      roles: ['head'],
    });
    expect(tokens.claims()).toMatchObject({
      sub: 'demo-head-zhoujianguo',
      name: '周建国',
      unit: 'jiancha-zhidui',
    });
    expect(tokens.refresh_token).toBeTruthy();

    const res = await units(`Bearer ${tokens.access_token}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as unknown[]).length).toBeGreaterThan(0);

    const refreshed = await oidc.refreshTokenGrant(client.config, tokens.refresh_token!);
    expect(decodeJwt(refreshed.access_token)).toMatchObject({
      sub: 'demo-head-zhoujianguo',
      aud: 'sanxiang',
    });
    expect((await units(`Bearer ${refreshed.access_token}`)).status).toBe(200);
  });

  it('keeps sessions, grants and refresh tokens in PostgreSQL: a restarted provider still refreshes', async () => {
    const client = await consoleClient(system.issuer);
    const browser = new HttpBrowser();
    const { callbackUrl } = await signInOverHttp(
      browser,
      client.authorizationUrl,
      'wuzhigang',
      DEMO_PASSWORD,
    );
    const tokens = await client.finish(callbackUrl!);
    expect(tokens.refresh_token).toBeTruthy();

    const pg = new Client({ connectionString: system.identityDatabaseUrl });
    await pg.connect();
    try {
      const { rows } = await pg.query<{ model: string }>(
        `SELECT DISTINCT "model" FROM "OidcPayload" ORDER BY "model"`,
      );
      expect(rows.map((r) => r.model)).toEqual(
        expect.arrayContaining(['AuthorizationCode', 'Grant', 'RefreshToken', 'Session']),
      );
    } finally {
      await pg.end();
    }

    await system.restartProvider();

    // The refresh token issued before the restart is still known, and gives a token the directory takes.
    const refreshed = await oidc.refreshTokenGrant(client.config, tokens.refresh_token!);
    expect(decodeJwt(refreshed.access_token)).toMatchObject({ sub: 'demo-head-wuzhigang', aud: 'sanxiang' });
    expect((await units(`Bearer ${refreshed.access_token}`)).status).toBe(200);
    // The browser's session survived too: a new authorization goes straight back to the console.
    const again = await consoleClient(system.issuer);
    const end = await browser.follow(again.authorizationUrl);
    expect(end.url).toMatch(new RegExp(`^${CONSOLE_URL}/auth/callback\\?code=`));
    expect(decodeJwt((await again.finish(end.url)).access_token).sub).toBe('demo-head-wuzhigang');
  });

  it('refuses a wrong password and an unknown login on the login page', async () => {
    const client = await consoleClient(system.issuer);
    const wrong = await signInOverHttp(
      new HttpBrowser(),
      client.authorizationUrl,
      'zhoujianguo',
      'not-the-password',
    );
    expect(wrong.callbackUrl).toBeUndefined();
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain('登录名或密码不正确');
    const unknown = await signInOverHttp(new HttpBrowser(), client.authorizationUrl, 'nobody', DEMO_PASSWORD);
    expect(unknown.status).toBe(401);
  });

  it('refuses a token from another issuer and one signed with another key', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forge = (issuer: string) =>
      new SignJWT({ name: '周建国', unit: 'jiancha-zhidui', roles: ['head', 'admin'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
        .setSubject('demo-head-zhoujianguo')
        .setIssuer(issuer)
        .setAudience('sanxiang')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
    for (const issuer of ['https://idp.other.example', system.issuer]) {
      const res = await units(`Bearer ${await forge(issuer)}`);
      expect(res.status).toBe(401);
    }
  });
});
