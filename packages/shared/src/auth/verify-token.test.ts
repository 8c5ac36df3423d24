import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { signMachineToken, signToken } from './sign-token';
import { createTokenVerifier, type TAuthSettings } from './verify-token';

const secret = 's'.repeat(40);
const providerIssuer = 'http://127.0.0.1:3005';
let server: Server;
let providerKey: CryptoKey;
let strangerKey: CryptoKey;
let settings: TAuthSettings;

// A real JWKS endpoint over HTTP, as the identity provider publishes it.
beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  providerKey = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  settings = {
    AUTH_JWT_SECRET: secret,
    AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks`,
    AUTH_JWKS_ISSUER: providerIssuer,
    AUTH_ISSUER: 'sanxiang-local',
    AUTH_AUDIENCE: 'sanxiang',
    AUTH_MAX_TOKEN_AGE: 3600,
  };
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const hs = { secret, issuer: 'sanxiang-local', audience: 'sanxiang', expiresIn: '30m' };
const now = () => Math.floor(Date.now() / 1000);

function providerToken(claims: Record<string, unknown>, opts: { key?: CryptoKey; issuer?: string } = {}) {
  return new SignJWT({ name: '王五', unit: 'unit-law', roles: ['reviewer'], ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'at+jwt' })
    .setSubject('p-wangwu')
    .setIssuer(opts.issuer ?? providerIssuer)
    .setAudience('sanxiang')
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(opts.key ?? providerKey);
}

function hsToken(claims: Record<string, unknown>, times: { iat?: number; exp?: number | null } = {}) {
  const jwt = new SignJWT({ name: '张三', roles: ['officer'], ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('u1')
    .setIssuer('sanxiang-local')
    .setAudience('sanxiang')
    .setIssuedAt(times.iat ?? now());
  if (times.exp !== null) jwt.setExpirationTime(times.exp ?? now() + 600);
  return jwt.sign(new TextEncoder().encode(secret));
}

const refused = { code: 'unauthenticated' };

describe('token verification', () => {
  it('accepts development tokens and the provider’s JWTs side by side, with the unit', async () => {
    const verify = createTokenVerifier(settings);
    const dev = await signToken({ ...hs, subject: 'u1', name: '张三', roles: ['officer'], unitId: 'unit-a' });
    expect(await verify(dev)).toEqual({ id: 'u1', name: '张三', roles: ['officer'], unitId: 'unit-a' });
    expect(await verify(await providerToken({ cert: '32010012345' }))).toEqual({
      id: 'p-wangwu',
      name: '王五',
      roles: ['reviewer'],
      unitId: 'unit-law',
      certificateNumber: '32010012345',
    });
  });

  it('requires exp and caps the lifetime and the age of a token', async () => {
    const verify = createTokenVerifier(settings);
    await expect(verify(await hsToken({}, { exp: null }))).rejects.toMatchObject(refused);
    await expect(verify(await hsToken({}, { exp: now() + 7200 }))).rejects.toMatchObject(refused);
    await expect(verify(await hsToken({}, { iat: now() - 7200, exp: now() + 60 }))).rejects.toMatchObject(
      refused,
    );
    await expect(verify(await hsToken({}, { exp: now() + 3000 }))).resolves.toMatchObject({ id: 'u1' });
  });

  it('accepts the system role only from machine tokens', async () => {
    const verify = createTokenVerifier(settings);
    const machine = await signMachineToken({ ...hs, subject: 'system:worker', name: '流程引擎' });
    expect((await verify(machine)).roles).toEqual(['system']);
    await expect(verify(await hsToken({ roles: ['system'] }))).rejects.toMatchObject(refused);
    await expect(verify(await hsToken({ roles: ['officer', 'system'] }))).rejects.toMatchObject(refused);
    await expect(verify(await hsToken({ roles: ['officer'], token_use: 'machine' }))).rejects.toMatchObject(
      refused,
    );
    await expect(
      verify(await providerToken({ roles: ['system'], token_use: 'machine' })),
    ).rejects.toMatchObject(refused);
    await expect(signToken({ ...hs, subject: 'x', name: 'x', roles: ['system'] })).rejects.toThrow(/machine/);
  });

  it('refuses tokens of another issuer, an unknown key and alg none', async () => {
    const verify = createTokenVerifier(settings);
    await expect(verify(await providerToken({}, { issuer: 'https://other.example' }))).rejects.toMatchObject(
      refused,
    );
    await expect(verify(await providerToken({}, { key: strangerKey }))).rejects.toMatchObject(refused);
    // An HS256 token naming the provider as issuer, and a provider-signed token naming ours.
    await expect(
      verify(await signToken({ ...hs, issuer: providerIssuer, subject: 'u', name: 'n', roles: ['head'] })),
    ).rejects.toMatchObject(refused);
    await expect(verify(await providerToken({}, { issuer: 'sanxiang-local' }))).rejects.toMatchObject(
      refused,
    );
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const body = { sub: 'u', name: 'n', roles: ['admin'], iss: 'sanxiang-local', aud: 'sanxiang' };
    const unsigned = `${b64({ alg: 'none' })}.${b64({ ...body, iat: now(), exp: now() + 60 })}.`;
    await expect(verify(unsigned)).rejects.toMatchObject(refused);
    // A provider token needs its unit.
    await expect(verify(await providerToken({ unit: undefined }))).rejects.toMatchObject(refused);
  });

  it('reads the provider’s claims where AUTH_CLAIM_MAP says', async () => {
    const verify = createTokenVerifier({
      ...settings,
      AUTH_CLAIM_MAP: 'name=display_name,unit=org.id,roles=realm_access.roles',
    });
    const token = await providerToken({
      name: undefined,
      unit: undefined,
      roles: undefined,
      display_name: '赵六',
      org: { id: 'unit-b' },
      realm_access: { roles: 'officer head' },
    });
    expect(await verify(token)).toEqual({
      id: 'p-wangwu',
      name: '赵六',
      roles: ['officer', 'head'],
      unitId: 'unit-b',
    });
  });
});
