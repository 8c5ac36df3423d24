import request from 'supertest';
import { seedUnit, startTestService, type TTestService, users } from './support';

describe('admin API of the directory', () => {
  let svc: TTestService;
  beforeAll(async () => {
    svc = await startTestService();
    await seedUnit(svc, 2);
  });
  afterAll(async () => {
    await svc?.close();
  });

  const personBody = {
    login: 'newcomer',
    name: '新同事',
    unitId: 'jiancha-1',
    post: '科员',
    roles: ['officer'],
  };

  it('lets only an administrator change the directory; heads may read it', async () => {
    const head = await svc.as(users.head);
    const write = await request(svc.app).put('/people/p-new').set(head).send(personBody);
    expect(write.status).toBe(403);
    const read = await request(svc.app).get('/people?unitId=jiancha-1').set(head);
    expect(read.status).toBe(200);
    expect(read.body.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining(['p-head', 'p-officer-1', 'p-officer-2']),
    );
    const officer = await svc.as(users.officer);
    expect((await request(svc.app).get('/people').set(officer)).status).toBe(403);
  });

  it('searches people by name or login for the staff directory page', async () => {
    const admin = await svc.as(users.admin);
    const byName = await request(svc.app)
      .get(`/people?q=${encodeURIComponent('周建')}`)
      .set(admin);
    expect(byName.status).toBe(200);
    expect(byName.body.map((p: { id: string }) => p.id)).toEqual(['p-head']);
    const byLogin = await request(svc.app).get('/people?q=OFFICER&unitId=jiancha-1').set(admin);
    expect(byLogin.body.map((p: { login: string }) => p.login).sort()).toEqual(['officer1', 'officer2']);
    const none = await request(svc.app)
      .get(`/people?q=${encodeURIComponent('无此人')}`)
      .set(admin);
    expect(none.body).toEqual([]);
  });

  it('audits every change with who, when and what, and not a repeat that changes nothing', async () => {
    const admin = await svc.as(users.admin);
    const created = await request(svc.app).put('/people/p-new').set(admin).send(personBody);
    expect(created.status).toBe(201);
    const again = await request(svc.app).put('/people/p-new').set(admin).send(personBody);
    expect(again.status).toBe(200);
    const changed = await request(svc.app)
      .put('/people/p-new')
      .set(admin)
      .send({ ...personBody, post: '副科长', phone: '0519-85680000' });
    expect(changed.body).toMatchObject({ post: '副科长', phone: '0519-85680000' });

    const audit = await request(svc.app).get('/audit?subject=person:p-new').set(admin);
    expect(audit.status).toBe(200);
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual(['person.created', 'person.updated']);
    expect(audit.body[1]).toMatchObject({
      actorId: users.admin.id,
      actorName: users.admin.name,
      details: { post: { before: '科员', after: '副科长' }, phone: { before: null, after: '0519-85680000' } },
    });
    expect(Number.isNaN(Date.parse(audit.body[1].at))).toBe(false);
  });

  it('answers problem+json naming the field, in Chinese', async () => {
    const admin = await svc.as(users.admin);
    const bad = await request(svc.app)
      .put('/people/p-bad')
      .set(admin)
      .send({ ...personBody, login: 'officer1', roles: ['system'] });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.body)).toContain('body.roles.0');
    const taken = await request(svc.app)
      .put('/people/p-bad')
      .set(admin)
      .send({ ...personBody, login: 'officer1' });
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toBe('登录名已被使用');
    const noUnit = await request(svc.app)
      .put('/people/p-bad')
      .set(admin)
      .send({ ...personBody, unitId: 'nope' });
    expect(noUnit.status).toBe(422);
    expect(noUnit.body.detail).toContain('机构 nope 不存在');
  });

  it('names only active members of the unit as its head or deputies, and keeps a head in their unit', async () => {
    const admin = await svc.as(users.admin);
    await svc.put('/units/fazhi', {
      agencyId: 'czrs',
      code: 'fazhi',
      name: '政策法规处',
      kind: 'legalReview',
    });
    const outsider = await request(svc.app)
      .put('/units/fazhi/leadership')
      .set(admin)
      .send({ headId: 'p-officer-1', deputyIds: [] });
    expect(outsider.status).toBe(422);
    expect(outsider.body.detail).toContain('执法员1 不是本机构的在职人员');

    const move = await request(svc.app)
      .put('/people/p-head')
      .set(admin)
      .send({ login: 'zhou', name: '周建国', unitId: 'fazhi', post: '科长', roles: ['head'] });
    expect(move.status).toBe(409);
    expect(move.body.detail).toContain('请先更换该机构的负责人');
  });

  it('suspends, reinstates and revokes a certificate with a reason; revocation is final', async () => {
    const admin = await svc.as(users.admin);
    const number = '32040020001';
    const suspend = await request(svc.app)
      .put(`/certificates/${number}/status`)
      .set(admin)
      .send({ status: 'suspended', reason: '涉嫌违纪，暂停执法资格' });
    expect(suspend.status).toBe(200);
    expect(suspend.body).toMatchObject({ status: 'suspended', statusReason: '涉嫌违纪，暂停执法资格' });
    await request(svc.app)
      .put(`/certificates/${number}/status`)
      .set(admin)
      .send({ status: 'valid', reason: '调查结束，恢复执法资格' })
      .expect(200);
    await request(svc.app)
      .put(`/certificates/${number}/status`)
      .set(admin)
      .send({ status: 'revoked', reason: '调离执法岗位，收回执法证' })
      .expect(200);
    const back = await request(svc.app)
      .put(`/certificates/${number}/status`)
      .set(admin)
      .send({ status: 'valid', reason: '误操作，恢复' });
    expect(back.status).toBe(409);
    const audit = await request(svc.app).get(`/audit?subject=certificate:${number}`).set(admin);
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual([
      'certificate.issued',
      'certificate.suspended',
      'certificate.valid',
      'certificate.revoked',
    ]);
    const transfer = await request(svc.app)
      .put(`/certificates/${number}`)
      .set(admin)
      .send({
        personId: 'p-officer-2',
        categories: ['劳动保障监察'],
        areas: ['常州市'],
        validFrom: '2025-01-01',
        validTo: '2027-12-31',
      });
    expect(transfer.status).toBe(409);
  });

  it('publishes its OpenAPI document', async () => {
    const res = await request(svc.app).get('/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/internal/people/by-login/{login}',
        '/internal/certificate-checks',
        '/people/{personId}',
        '/certificates/{certificateNumber}/status',
        '/units/{unitId}/leadership',
      ]),
    );
  });
});
