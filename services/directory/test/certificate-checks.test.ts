import request from 'supertest';
import { area, category, seedUnit, startTestService, type TTestService, users } from './support';

/** 001 二(一)3(2), 审核办法 §10(2): at least two officers, each with a valid certificate for the activity. */
describe('certificate checks (执法证核验)', () => {
  let svc: TTestService;
  let officers: string[];
  beforeAll(async () => {
    svc = await startTestService();
    officers = await seedUnit(svc, 6);
    // officer 3: expired on 2026-02-28; 4: suspended; 5: revoked; 6: only 苏州市, other category
    await svc.put('/certificates/32040020003', {
      personId: officers[2],
      categories: [category],
      areas: [area],
      validFrom: '2023-01-01',
      validTo: '2026-02-28',
    });
    await svc.put('/certificates/32040020004/status', {
      status: 'suspended',
      reason: '涉嫌违纪，暂停执法资格',
    });
    await svc.put('/certificates/32040020005/status', {
      status: 'revoked',
      reason: '调离执法岗位，收回执法证',
    });
    await svc.put('/certificates/32040020006', {
      personId: officers[5],
      categories: ['安全生产监管'],
      areas: ['苏州市'],
      validFrom: '2025-01-01',
      validTo: '2027-12-31',
    });
  });
  afterAll(async () => {
    await svc?.close();
  });

  const check = async (officerIds: string[], overrides: Record<string, string> = {}) =>
    request(svc.app)
      .post('/internal/certificate-checks')
      .set(await svc.as(users.system))
      .send({ date: '2026-03-02', category, area: '常州市武进区', officerIds, ...overrides });

  it('accepts two officers with valid certificates covering category and area', async () => {
    const res = await check([officers[0]!, officers[1]!]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      sufficient: true,
      officers: [
        { officerId: 'p-officer-1', name: '执法员1', valid: true, certificateNumber: '32040020001' },
        { officerId: 'p-officer-2', name: '执法员2', valid: true, certificateNumber: '32040020002' },
      ],
    });
  });

  it.each([
    ['expired', 2, '已过期', '执法员3（执法证号 32040020003）：执法证已过期（有效期至 2026年2月28日）'],
    ['suspended', 3, '已暂停', '执法员4（执法证号 32040020004）：执法证已暂停'],
    ['revoked', 4, '已吊销', '执法员5（执法证号 32040020005）：执法证已吊销'],
  ])('refuses a %s certificate, naming the officer and the reason', async (reason, index, word, message) => {
    const res = await check([officers[0]!, officers[index]!]);
    expect(res.body.sufficient).toBe(false);
    expect(res.body.officers[1]).toMatchObject({ valid: false, reason, message });
    expect(res.body.message).toContain(word);
  });

  it('refuses an out-of-area certificate and one of another category', async () => {
    const res = await check([officers[0]!, officers[5]!]);
    expect(res.body.officers[1]).toMatchObject({ reason: 'categoryMismatch' });
    expect(res.body.message).toContain('执法类别不符');
    const inCategory = await check([officers[0]!, officers[5]!], { category: '安全生产监管' });
    expect(inCategory.body.officers[1]).toMatchObject({ reason: 'areaMismatch' });
    expect(inCategory.body.message).toContain('执法区域不符（持证区域：苏州市；本次：常州市武进区）');
  });

  it('refuses a single officer, even named twice', async () => {
    const res = await check([officers[0]!, officers[0]!]);
    expect(res.body.sufficient).toBe(false);
    expect(res.body.officers).toHaveLength(1);
    expect(res.body.message).toContain('仅一名执法人员');
  });

  it('judges validity on the activity date: the last day counts, the next does not', async () => {
    expect((await check([officers[1]!, officers[2]!], { date: '2026-02-28' })).body.sufficient).toBe(true);
    expect((await check([officers[1]!, officers[2]!], { date: '2026-03-01' })).body.sufficient).toBe(false);
  });

  it('refuses someone not in the directory or no longer active', async () => {
    const res = await check([officers[0]!, 'p-stranger']);
    expect(res.body.officers[1]).toMatchObject({
      reason: 'unknownOfficer',
      message: 'p-stranger：不是在职执法人员',
    });
  });
});
