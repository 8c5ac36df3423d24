import request from 'supertest';
import { z } from 'zod';
import pino from 'pino';
import { createTokenVerifier, signToken } from '../auth';
import { AppError } from '../errors';
import { Api } from './api';
import { createServiceApp } from './create-service-app';

const auth = { AUTH_JWT_SECRET: 's'.repeat(40), AUTH_ISSUER: 'test', AUTH_AUDIENCE: 'sanxiang' };
const tokenFor = (roles: ('officer' | 'reviewer' | 'head')[]) =>
  signToken({
    secret: auth.AUTH_JWT_SECRET,
    issuer: 'test',
    audience: 'sanxiang',
    subject: 'u1',
    name: '张三',
    roles,
  });

function buildApp(ready = true) {
  const api = new Api(createTokenVerifier(auth));
  api.route({
    method: 'post',
    path: '/cases/{caseId}/notes',
    summary: 'add a note',
    access: ['officer'],
    request: {
      params: z.object({ caseId: z.string().uuid() }),
      body: z.object({
        text: z.string().min(1),
        officers: z.array(z.object({ name: z.string().min(1) })).min(2),
      }),
    },
    responses: { 201: { description: 'created', schema: z.object({ id: z.string() }) } },
    handler: async ({ params, body, principal }) => ({
      status: 201,
      body: { id: `${params.caseId}:${body.text}:${principal.name}` },
    }),
  });
  api.route({
    method: 'post',
    path: '/cases/{caseId}/things',
    summary: 'add a thing, idempotently',
    access: ['officer'],
    idempotent: true,
    request: { params: z.object({ caseId: z.string().uuid() }), body: z.object({ n: z.number() }) },
    handler: async ({ idempotency }) => ({ status: 201, body: { idempotency: idempotency ?? null } }),
  });
  api.route({
    method: 'get',
    path: '/boom',
    summary: 'fails',
    access: 'public',
    handler: async () => {
      throw new Error('secret internal detail');
    },
  });
  api.route({
    method: 'get',
    path: '/conflict',
    summary: 'conflicts',
    access: 'public',
    handler: async () => {
      throw new AppError('conflict', '该轮次已有审核意见');
    },
  });
  return createServiceApp({
    name: 'test',
    title: 'test',
    logger: pino({ level: 'silent' }),
    api,
    readiness: {
      database: async () => (ready ? undefined : Promise.reject(new Error('connection refused'))),
    },
  });
}

const caseId = '6f1c2e0a-3b7d-4c1e-9a63-0d2f5b8e7a41';
const validBody = { text: '现场检查', officers: [{ name: '甲' }, { name: '乙' }] };

describe('Api routes', () => {
  it('hands an idempotent route the key bound to caller, path and body, and documents the header', async () => {
    const token = await tokenFor(['officer']);
    const app = buildApp();
    const withKey = await request(app)
      .post(`/cases/${caseId}/things?x=1`)
      .set('authorization', `Bearer ${token}`)
      .set('idempotency-key', 'k-1')
      .send({ n: 1 });
    expect(withKey.status).toBe(201);
    expect(withKey.body.idempotency).toEqual({
      principalId: 'u1',
      key: 'k-1',
      route: `POST /cases/${caseId}/things`,
      request: { n: 1 },
    });
    const without = await request(app)
      .post(`/cases/${caseId}/things`)
      .set('authorization', `Bearer ${token}`)
      .send({ n: 1 });
    expect(without.body.idempotency).toBeNull();
    const bad = await request(app)
      .post(`/cases/${caseId}/things`)
      .set('authorization', `Bearer ${token}`)
      .set('idempotency-key', 'x'.repeat(256))
      .send({ n: 1 });
    expect(bad.status).toBe(400);
    const doc = (await request(app).get('/openapi.json')).body;
    const parameters = doc.paths['/cases/{caseId}/things'].post.parameters as { name: string; in: string }[];
    expect(parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    // A key reused with another request answers 422 (kit): the document says so (schemathesis, #16).
    expect(Object.keys(doc.paths['/cases/{caseId}/things'].post.responses)).toContain('422');
    expect(Object.keys(doc.paths['/cases/{caseId}/notes'].post.responses)).not.toContain('422');
    expect(doc.paths['/cases/{caseId}/notes'].post.parameters).not.toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key' }),
    );
  });

  it('runs the handler for a valid, authorised request', async () => {
    const res = await request(buildApp())
      .post(`/cases/${caseId}/notes`)
      .set('authorization', `Bearer ${await tokenFor(['officer'])}`)
      .send(validBody);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: `${caseId}:现场检查:张三` });
  });

  it('answers 400 problem+json naming every offending field', async () => {
    const res = await request(buildApp())
      .post(`/cases/not-a-uuid/notes`)
      .set('authorization', `Bearer ${await tokenFor(['officer'])}`)
      .send({ text: '', officers: [{ name: '甲' }, { name: '' }] });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 400,
      code: 'validation',
      type: 'urn:sanxiang:problem:validation',
    });
    // params are validated first; fix them and the body's fields are named
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['params.caseId']);
    const res2 = await request(buildApp())
      .post(`/cases/${caseId}/notes`)
      .set('authorization', `Bearer ${await tokenFor(['officer'])}`)
      .send({ text: '', officers: [{ name: '甲' }, { name: '' }] });
    expect(res2.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.officers.1.name',
      'body.text',
    ]);
  });

  it('says in Chinese which field is wrong and why, naming the field in words', async () => {
    const res = await request(buildApp())
      .post(`/cases/${caseId}/notes`)
      .set('authorization', `Bearer ${await tokenFor(['officer'])}`)
      .send({ officers: [{ name: '' }], extra: 1 });
    expect(res.body.errors).toEqual([
      { path: 'body.text', message: '正文：必须填写' },
      { path: 'body.officers.0.name', message: '执法人员第 1 项的名称：不能为空' },
      { path: 'body.officers', message: '执法人员：至少 2 项' },
    ]);
    expect(res.body.detail).toBe(
      '以下字段不合法：正文（必须填写）；执法人员第 1 项的名称（不能为空）；执法人员（至少 2 项）',
    );
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await request(buildApp())
      .post(`/cases/${caseId}/notes`)
      .set('authorization', `Bearer ${await tokenFor(['officer'])}`)
      .set('content-type', 'application/json')
      .send('{"text": ');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'body', message: '请求内容：不是合法的 JSON' }]);
  });

  it('answers 401 without a token and for an unknown token', async () => {
    const app = buildApp();
    expect((await request(app).post(`/cases/${caseId}/notes`).send(validBody)).status).toBe(401);
    const forged = await signToken({
      secret: 'x'.repeat(40),
      issuer: 'test',
      audience: 'sanxiang',
      subject: 'u',
      name: 'n',
      roles: ['officer'],
    });
    const res = await request(app)
      .post(`/cases/${caseId}/notes`)
      .set('authorization', `Bearer ${forged}`)
      .send(validBody);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthenticated');
    expect(
      (
        await request(app)
          .post(`/cases/${caseId}/notes`)
          .set('authorization', 'Bearer garbage')
          .send(validBody)
      ).status,
    ).toBe(401);
  });

  it('answers 403 for the wrong role', async () => {
    const res = await request(buildApp())
      .post(`/cases/${caseId}/notes`)
      .set('authorization', `Bearer ${await tokenFor(['reviewer'])}`)
      .send(validBody);
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe('此操作需要以下角色之一：承办人员');
  });

  it('maps AppError codes to statuses and hides internal errors', async () => {
    const app = buildApp();
    expect((await request(app).get('/conflict')).body).toMatchObject({
      status: 409,
      detail: '该轮次已有审核意见',
    });
    const boom = await request(app).get('/boom');
    expect(boom.status).toBe(500);
    expect(JSON.stringify(boom.body)).not.toContain('secret internal detail');
    expect(boom.body.requestId).toEqual(boom.headers['x-request-id']);
    expect((await request(app).get('/nowhere')).status).toBe(404);
  });

  it('serves health, readiness and an OpenAPI 3.1 document generated from the schemas', async () => {
    expect((await request(buildApp()).get('/healthz')).body.status).toBe('ok');
    expect((await request(buildApp()).get('/readyz')).status).toBe(200);
    const notReady = await request(buildApp(false)).get('/readyz');
    expect(notReady.status).toBe(503);
    expect(notReady.body.checks.database).toEqual({ ok: false, error: 'connection refused' });
    const doc = (await request(buildApp()).get('/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    const op = doc.paths['/cases/{caseId}/notes'].post;
    expect(op.security).toEqual([{ bearer: [] }]);
    expect(op.requestBody.content['application/json'].schema.required).toEqual(['text', 'officers']);
    expect((await request(buildApp()).get('/docs/')).text).toContain('swagger');
  });
});

describe('token verification cache', () => {
  it('stops accepting a cached token once it expires', async () => {
    const verify = createTokenVerifier(auth);
    const token = await signToken({
      secret: auth.AUTH_JWT_SECRET,
      issuer: 'test',
      audience: 'sanxiang',
      subject: 'u1',
      name: '张三',
      roles: ['officer'],
      expiresIn: '2s',
    });
    expect((await verify(token)).name).toBe('张三');
    expect((await verify(token)).name).toBe('张三'); // from the cache
    await new Promise((r) => setTimeout(r, 2100));
    await expect(verify(token)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
