import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { AesGcmPayloadCodec, loadConfig, signToken, type TRole } from '@sanxiang/shared';
import { createCodecServerApp } from './app';

const secret = randomBytes(24).toString('hex');
const key = { id: 'k1', key: randomBytes(32) };
const uiOrigin = 'http://127.0.0.1:8233';
const config = loadConfig('codec-server', {
  HTTP_PORT: '0',
  AUTH_JWT_SECRET: secret,
  TEMPORAL_CODEC_KEYS: `${key.id}:${key.key.toString('base64')}`,
  CODEC_CORS_ORIGINS: uiOrigin,
});
const lines: Record<string, unknown>[] = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  }),
);
const app = createCodecServerApp({ config, logger });
const token = (roles: TRole[], name = '王管理') =>
  signToken({
    secret,
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    subject: `u-${roles.join('-')}`,
    name,
    roles,
    expiresIn: '5m',
  });

const toWire = (p: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v!).toString('base64')]),
  ),
  data: Buffer.from(p.data!).toString('base64'),
});
const party = { name: '顾国平', idNumber: '320402197805123416', phone: '13861234567' };

describe('codec server', () => {
  let encrypted: ReturnType<typeof toWire>;
  beforeAll(async () => {
    const [p] = await new AesGcmPayloadCodec([key]).encode([defaultPayloadConverter.toPayload(party)]);
    encrypted = toWire(p!);
  });

  it('decodes for an admin and logs who decoded what', async () => {
    lines.length = 0;
    const plain = toWire(defaultPayloadConverter.toPayload('未加密的旧负载'));
    const res = await request(app)
      .post('/decode')
      .set('Authorization', `Bearer ${await token(['admin'])}`)
      .set('X-Namespace', 'default')
      .send({ payloads: [encrypted, plain] });
    expect(res.status).toBe(200);
    const [first, second] = (res.body as { payloads: ReturnType<typeof toWire>[] }).payloads;
    const back = (w: ReturnType<typeof toWire>) =>
      defaultPayloadConverter.fromPayload({
        metadata: Object.fromEntries(
          Object.entries(w.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')]),
        ),
        data: Buffer.from(w.data, 'base64'),
      });
    expect(back(first!)).toEqual(party);
    expect(back(second!)).toBe('未加密的旧负载');
    const entry = lines.find((l) => l.event === 'payloads.decoded');
    expect(entry).toMatchObject({
      who: { id: 'u-admin', name: '王管理', roles: ['admin'] },
      namespace: 'default',
      payloads: [
        { keyId: 'k1', sha256: expect.stringMatching(/^[0-9a-f]{16}$/) },
        { keyId: null, sha256: expect.stringMatching(/^[0-9a-f]{16}$/) },
      ],
    });
    // The log names payloads by digest, never by content.
    expect(JSON.stringify(lines)).not.toContain(party.idNumber);
  });

  it('refuses callers without a token, with another role, or with a forged token', async () => {
    lines.length = 0;
    const body = { payloads: [encrypted] };
    const none = await request(app).post('/decode').send(body);
    expect(none.status).toBe(401);
    expect(none.headers['content-type']).toMatch(/problem\+json/);
    for (const roles of [['officer'], ['head', 'reviewer'], ['discloser']] as TRole[][]) {
      const res = await request(app)
        .post('/decode')
        .set('Authorization', `Bearer ${await token(roles)}`)
        .send(body);
      expect({ roles, status: res.status }).toEqual({ roles, status: 403 });
      expect(JSON.stringify(res.body)).not.toContain(party.idNumber);
    }
    const forged = await signToken({
      secret: randomBytes(24).toString('hex'),
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      subject: 'intruder',
      name: '冒充者',
      roles: ['admin'],
    });
    const res = await request(app).post('/decode').set('Authorization', `Bearer ${forged}`).send(body);
    expect(res.status).toBe(401);
    expect(lines.filter((l) => l.event === 'payloads.decoded')).toEqual([]);
  });

  it('encodes for an admin (the Web UI encodes signal input) with the current key', async () => {
    const plain = toWire(defaultPayloadConverter.toPayload(party));
    const res = await request(app)
      .post('/encode')
      .set('Authorization', `Bearer ${await token(['admin'])}`)
      .send({ payloads: [plain] });
    expect(res.status).toBe(200);
    const [wire] = (res.body as { payloads: ReturnType<typeof toWire>[] }).payloads;
    expect(Buffer.from(wire!.metadata['encryption-key-id']!, 'base64').toString()).toBe('k1');
    expect(Buffer.from(wire!.data, 'base64').includes(Buffer.from(party.idNumber))).toBe(false);
  });

  it('answers 400 in Chinese for a malformed body', async () => {
    const res = await request(app)
      .post('/decode')
      .set('Authorization', `Bearer ${await token(['admin'])}`)
      .send({ payloads: [{ data: '不是base64' }] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('base64');
  });

  it("lets the Web UI's origin call it from the browser, and no other", async () => {
    const ok = await request(app)
      .options('/decode')
      .set('Origin', uiOrigin)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type,x-namespace');
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(uiOrigin);
    expect(ok.headers['access-control-allow-headers']).toMatch(/Authorization/);
    const other = await request(app)
      .options('/decode')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(other.status).toBe(403);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    // A refusal still carries the header, so the UI can show why.
    const refused = await request(app).post('/decode').set('Origin', uiOrigin).send({ payloads: [] });
    expect(refused.status).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe(uiOrigin);
  });
});
