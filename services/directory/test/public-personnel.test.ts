import request from 'supertest';
import { area, category, seedUnit, startTestService, type TTestService, users } from './support';

/** 002 3 规范事中公示: the public 执法人员清单 is generated from the directory, never typed in again. */
describe('public personnel list (执法人员清单)', () => {
  let svc: TTestService;
  beforeAll(async () => {
    svc = await startTestService();
    const officers = await seedUnit(svc, 3);
    await svc.put('/certificates/32040020002', {
      personId: officers[1],
      categories: [category],
      areas: [area],
      validFrom: '2024-01-01',
      validTo: '2026-03-02',
    });
    await svc.put('/certificates/32040020003', {
      personId: officers[2],
      categories: [category],
      areas: [area],
      validFrom: '2026-03-10',
      validTo: '2029-03-09',
    });
  });
  afterAll(async () => {
    await svc?.close();
  });

  const listAt = async (at: string) =>
    request(svc.app)
      .get(`/internal/public-personnel?at=${encodeURIComponent(at)}`)
      .set(await svc.as(users.system));

  it('drops a certificate expiring on 2 March at midnight Beijing time, not a moment before', async () => {
    const before = await listAt('2026-03-02T23:59:59.999+08:00');
    expect(before.status).toBe(200);
    expect(before.body.entries.map((e: { certificateNumber: string }) => e.certificateNumber)).toEqual([
      '32040020001',
      '32040020002',
    ]);
    expect(before.body.stableUntil).toBe('2026-03-02T16:00:00.000Z');
    expect(before.body.agencyName).toBe('常州市人力资源和社会保障局');

    const after = await listAt('2026-03-03T00:00:00+08:00');
    expect(after.body.entries.map((e: { certificateNumber: string }) => e.certificateNumber)).toEqual([
      '32040020001',
    ]);
    // Next change: officer 3's certificate begins on 10 March.
    expect(after.body.stableUntil).toBe('2026-03-09T16:00:00.000Z');
  });

  it('personnelPost: each entry carries the officer’s post (职务) from the directory (000 §5, 001 二(一)2(5))', async () => {
    await svc.put('/people/p-officer-1', {
      login: 'officer1',
      name: '执法员1',
      unitId: 'jiancha-1',
      post: '副科长',
      roles: ['officer'],
      email: 'officer1@example.cn',
    });
    const list = await listAt('2026-03-02T10:00:00+08:00');
    expect(
      list.body.entries.map((e: { certificateNumber: string; post: string }) => [
        e.certificateNumber,
        e.post,
      ]),
    ).toEqual([
      ['32040020001', '副科长'],
      ['32040020002', '科员'],
    ]);
  });

  it('drops a revoked certificate at once', async () => {
    await svc.put('/certificates/32040020001/status', {
      status: 'revoked',
      reason: '调离执法岗位，收回执法证',
    });
    const list = await listAt('2026-03-02T10:00:00+08:00');
    expect(list.body.entries.map((e: { certificateNumber: string }) => e.certificateNumber)).toEqual([
      '32040020002',
    ]);
    expect(list.body.entries[0]).toEqual({
      personId: 'p-officer-2',
      name: '执法员2',
      unitName: '监察一科',
      post: '科员',
      certificateNumber: '32040020002',
      categories: [category],
      areas: [area],
      validTo: '2026-03-02',
      photoSha256: null, // no photo uploaded (004 §4(2): see person-photo.test.ts)
    });
  });
});
