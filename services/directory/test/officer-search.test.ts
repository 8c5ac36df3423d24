import request from 'supertest';
import { seedUnit, startTestService, type TTestService, users } from './support';

// 立案时选择执法人员: officers find colleagues by name, with their certificates and validity, and
// nothing else about them (no phone, no e-mail); the head, who is not an officer, is not offered.
describe('officer search of the directory', () => {
  let svc: TTestService;
  beforeAll(async () => {
    svc = await startTestService();
    await seedUnit(svc, 3);
    await svc.put('/people/p-left', {
      login: 'left',
      name: '执法员离职',
      unitId: 'jiancha-1',
      post: '科员',
      roles: ['officer'],
      active: false,
    });
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('finds active officers by name with their certificates, without contact details', async () => {
    const officer = await svc.as(users.officer);
    const res = await request(svc.app).get('/officers').query({ q: '执法员2' }).set(officer);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        id: 'p-officer-2',
        name: '执法员2',
        unitName: '监察一科',
        certificates: [
          {
            number: '32040020002',
            categories: ['劳动保障监察'],
            areas: ['常州市'],
            validFrom: '2025-01-01',
            validTo: '2027-12-31',
            status: 'valid',
          },
        ],
      },
    ]);
  });

  it('offers neither people who left nor people who are not officers, and pages by limit', async () => {
    const officer = await svc.as(users.officer);
    const all = await request(svc.app).get('/officers').set(officer);
    expect(all.body.map((p: { id: string }) => p.id)).toEqual(['p-officer-1', 'p-officer-2', 'p-officer-3']);
    const two = await request(svc.app).get('/officers').query({ limit: 2 }).set(officer);
    expect(two.body).toHaveLength(2);
    const byLogin = await request(svc.app).get('/officers').query({ q: 'OFFICER3' }).set(officer);
    expect(byLogin.body.map((p: { id: string }) => p.id)).toEqual(['p-officer-3']);
  });

  it('is refused to a caller with no staff role', async () => {
    const system = await svc.as(users.system);
    expect((await request(svc.app).get('/officers').set(system)).status).toBe(403);
  });
});
