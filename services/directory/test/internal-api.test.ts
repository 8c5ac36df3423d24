import { ZDirectoryPerson, ZDirectoryUnit } from '@sanxiang/shared/src/contracts';
import request from 'supertest';
import { seedUnit, startTestService, type TTestService, users } from './support';

describe('internal API for the identity provider and the services', () => {
  let svc: TTestService;
  beforeAll(async () => {
    svc = await startTestService();
    await seedUnit(svc, 2);
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('finds an active person by login name with unit and roles (machine token only)', async () => {
    const res = await request(svc.app)
      .get('/internal/people/by-login/officer1')
      .set(await svc.as(users.system));
    expect(res.status).toBe(200);
    expect(ZDirectoryPerson.parse(res.body)).toEqual({
      id: 'p-officer-1',
      login: 'officer1',
      name: '执法员1',
      unitId: 'jiancha-1',
      unitName: '监察一科',
      roles: ['officer'],
      email: 'officer1@example.cn',
      active: true,
    });
    const asAdmin = await request(svc.app)
      .get('/internal/people/by-login/officer1')
      .set(await svc.as(users.admin));
    expect(asAdmin.status).toBe(403);
    const anonymous = await request(svc.app).get('/internal/people/by-login/officer1');
    expect(anonymous.status).toBe(401);
  });

  it('answers 404 for an unknown login and for a person who left (inactive)', async () => {
    const system = await svc.as(users.system);
    const unknown = await request(svc.app).get('/internal/people/by-login/nobody').set(system);
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');

    await svc.put('/people/p-officer-2', {
      login: 'officer2',
      name: '执法员2',
      unitId: 'jiancha-1',
      post: '科员',
      roles: ['officer'],
      active: false,
    });
    const left = await request(svc.app).get('/internal/people/by-login/officer2').set(system);
    expect(left.status).toBe(404);
    // By id the person is still known (for history), marked inactive.
    const byId = await request(svc.app).get('/internal/people/p-officer-2').set(system);
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({ id: 'p-officer-2', active: false, unitName: '监察一科' });
  });

  it('gives a unit with its head and deputies', async () => {
    const system = await svc.as(users.system);
    await svc.put('/units/jiancha-1/leadership', { headId: 'p-head', deputyIds: ['p-officer-1'] });
    const res = await request(svc.app).get('/internal/units/jiancha-1').set(system);
    expect(res.status).toBe(200);
    expect(ZDirectoryUnit.parse(res.body)).toEqual({
      id: 'jiancha-1',
      code: 'jiancha-1',
      name: '监察一科',
      kind: 'enforcement',
      agencyId: 'czrs',
      agencyName: '常州市人力资源和社会保障局',
      headId: 'p-head',
      deputyIds: ['p-officer-1'],
    });
    expect((await request(svc.app).get('/internal/units/nope').set(system)).status).toBe(404);
  });
});
