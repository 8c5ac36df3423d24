import { ZInspectorPool } from '@sanxiang/shared/src/contracts';
import request from 'supertest';
import { area, category, seedUnit, startTestService, type TTestService, users } from './support';

/** 执法检查人员名录库 (双随机): only people whose certificate covers the whole inspection window. */
describe('inspector pool (GET /internal/inspectors)', () => {
  let svc: TTestService;
  beforeAll(async () => {
    svc = await startTestService();
    const officers = await seedUnit(svc, 4);
    // Officer 2's certificate ends inside the window; officer 3's covers another category only.
    await svc.put('/certificates/32040020002', {
      personId: officers[1],
      categories: [category],
      areas: [area],
      validFrom: '2024-01-01',
      validTo: '2026-05-10',
    });
    await svc.put('/certificates/32040020003', {
      personId: officers[2],
      categories: ['安全生产'],
      areas: [area],
      validFrom: '2024-01-01',
      validTo: '2029-12-31',
    });
    await svc.put('/certificates/32040020004/status', {
      status: 'suspended',
      reason: '暂扣执法证，接受调查',
    });
  });
  afterAll(async () => {
    await svc?.close();
  });

  const pool = async (q: Record<string, string>) =>
    request(svc.app)
      .get(`/internal/inspectors?${new URLSearchParams(q).toString()}`)
      .set(await svc.as(users.system));

  it('lists people certified for the category and area on every day of the window, by person id', async () => {
    const res = await pool({ from: '2026-05-01', to: '2026-05-31', category, area: '常州市武进区' });
    expect(res.status).toBe(200);
    const body = ZInspectorPool.parse(res.body);
    expect(body.inspectors).toEqual([
      {
        personId: 'p-officer-1',
        name: '执法员1',
        unitId: 'jiancha-1',
        unitName: '监察一科',
        certificateNumber: '32040020001',
      },
    ]);
    // A window that ends before officer 2's certificate does includes them.
    const earlier = ZInspectorPool.parse(
      (await pool({ from: '2026-05-01', to: '2026-05-10', category, area })).body,
    );
    expect(earlier.inspectors.map((i) => i.personId)).toEqual(['p-officer-1', 'p-officer-2']);
  });

  it('is for machine tokens only and refuses a window that ends before it starts', async () => {
    const asHead = await request(svc.app)
      .get(`/internal/inspectors?from=2026-05-01&to=2026-05-31&category=x&area=y`)
      .set(await svc.as(users.admin));
    expect(asHead.status).toBe(403);
    const backwards = await pool({ from: '2026-05-31', to: '2026-05-01', category, area });
    expect(backwards.status).toBe(400);
    expect(backwards.body.detail).toContain('开始日期不能晚于结束日期');
  });
});
