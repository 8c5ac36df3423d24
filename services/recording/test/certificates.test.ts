import { bearer } from '@sanxiang/testing';
import request from 'supertest';
import { createDirectoryClient } from '../src/data-access/directory-client';
import {
  caseBody,
  startRecordingTestEnv,
  uniqueCaseNumber,
  users,
  type TRecordingTestEnv,
} from './support/recording-test-env';

/**
 * 001 二(一)3(2), 002 3 规范事中公示, 审核办法 §10(2): a case is opened and an enforcement activity
 * recorded only by at least two officers whose certificates are valid that day and cover the
 * category and the area — checked against the real directory service.
 */
describe('certificates enforced when a case is opened and an activity recorded', () => {
  let env: TRecordingTestEnv;
  beforeAll(async () => {
    env = await startRecordingTestEnv();
  });
  afterAll(async () => {
    await env?.stop();
  });

  const admin = () => bearer({ id: 'test-admin', name: '测试管理员', roles: ['admin'] });
  const putDirectory = async (path: string, body: unknown) => {
    const res = await fetch(`${env.directoryUrl}${path}`, {
      method: 'PUT',
      headers: { authorization: await admin(), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`PUT ${path}: ${res.status} ${await res.text()}`);
  };
  const certificate = (personId: string, overrides: Record<string, unknown> = {}) => ({
    personId,
    categories: ['劳动保障监察'],
    areas: ['常州市'],
    validFrom: '2024-01-01',
    validTo: '2029-12-31',
    ...overrides,
  });
  const open = async (body: object) =>
    request(env.app)
      .post('/cases')
      .set('authorization', await env.auth(users.officerA))
      .send(body);

  afterEach(async () => {
    // Every test starts from officer B's valid certificate.
    await putDirectory(`/certificates/${users.officerB.certificateNumber}`, certificate(users.officerB.id));
  });

  it('opens a case with two certified officers, and keeps its category and area', async () => {
    const res = await open(caseBody(uniqueCaseNumber(), { enforcementArea: '常州市新北区' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ enforcementCategory: '劳动保障监察', enforcementArea: '常州市新北区' });
  });

  it('refuses an expired certificate, naming the officer and the reason', async () => {
    await putDirectory(
      `/certificates/${users.officerB.certificateNumber}`,
      certificate(users.officerB.id, { validFrom: '2020-01-01', validTo: '2025-12-31' }),
    );
    const res = await open(caseBody(uniqueCaseNumber()));
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toBe(
      `不能立案：李四（执法证号 ${users.officerB.certificateNumber}）：执法证已过期（有效期至 2025年12月31日）`,
    );
    expect(res.body.officers[1]).toMatchObject({ officerId: users.officerB.id, reason: 'expired' });
  });

  it('refuses an out-of-area certificate and one of another category', async () => {
    await putDirectory(
      `/certificates/${users.officerB.certificateNumber}`,
      certificate(users.officerB.id, { areas: ['苏州市'] }),
    );
    const outOfArea = await open(caseBody(uniqueCaseNumber()));
    expect(outOfArea.status).toBe(422);
    expect(outOfArea.body.detail).toContain('李四');
    expect(outOfArea.body.detail).toContain('执法区域不符');
    const otherCategory = await open(caseBody(uniqueCaseNumber(), { enforcementCategory: '安全生产监管' }));
    expect(otherCategory.status).toBe(422);
    expect(otherCategory.body.detail).toContain('执法类别不符');
  });

  it('refuses an officer unknown to the directory', async () => {
    const res = await open(
      caseBody(uniqueCaseNumber(), {
        officers: [
          { userId: users.officerA.id, name: users.officerA.name, certificateNumber: '32010001' },
          { userId: 'u-nobody', name: '路人甲', certificateNumber: '32019999' },
        ],
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain('u-nobody：不是在职执法人员');
  });

  it('refuses a single officer', async () => {
    const one = caseBody(uniqueCaseNumber());
    const res = await open({ ...one, officers: one.officers.slice(0, 1) });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('至少两名');
  });

  it('refuses to record an activity once an officer’s certificate is revoked or suspended', async () => {
    // Officers A and C (C's certificate is suspended and then revoked for good).
    const caseNumber = uniqueCaseNumber();
    const [officerA] = caseBody(caseNumber).officers;
    const officerC = {
      userId: users.otherOfficer.id,
      name: users.otherOfficer.name,
      certificateNumber: users.otherOfficer.certificateNumber,
    };
    expect((await open(caseBody(caseNumber, { officers: [officerA, officerC] }))).status).toBe(201);
    const asOfficer = async (startedAt: string, extra: object = {}) =>
      request(env.app)
        .post(`/cases/${encodeURIComponent(caseNumber)}/activities`)
        .set('authorization', await env.auth(users.officerA))
        .send({ kind: 'siteInspection', title: '现场检查', startedAt, ...extra });

    expect((await asOfficer('2026-11-20T09:00:00+08:00')).status).toBe(201);
    const elsewhere = await asOfficer('2026-11-20T10:00:00+08:00', { area: '苏州市吴中区' });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.detail).toContain('不能登记执法活动');
    expect(elsewhere.body.detail).toContain('执法区域不符');

    await putDirectory(`/certificates/${users.otherOfficer.certificateNumber}/status`, {
      status: 'suspended',
      reason: '涉嫌违纪，暂停执法资格',
    });
    const suspended = await asOfficer('2026-11-21T09:00:00+08:00');
    expect(suspended.status).toBe(422);
    expect(suspended.body.detail).toContain('王五');
    expect(suspended.body.detail).toContain('已暂停');
    await putDirectory(`/certificates/${users.otherOfficer.certificateNumber}/status`, {
      status: 'revoked',
      reason: '调离执法岗位，收回执法证',
    });
    const revoked = await asOfficer('2026-11-21T09:00:00+08:00');
    expect(revoked.status).toBe(422);
    expect(revoked.body.detail).toContain('已吊销');
  });

  it('opens nothing while the directory cannot be asked (503)', async () => {
    const offline = env.appWith({
      directory: createDirectoryClient({ baseUrl: 'http://127.0.0.1:9', token: () => 'unused' }),
    });
    const res = await request(offline)
      .post('/cases')
      .set('authorization', await env.auth(users.officerA))
      .send(caseBody(uniqueCaseNumber()));
    expect(res.status).toBe(503);
    expect(res.body.detail).toContain('执法证核验服务');
  });
});
