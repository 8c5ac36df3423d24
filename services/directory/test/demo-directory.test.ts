import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testStack } from '@sanxiang/testing';
import request from 'supertest';
import { demoArea, demoCategory, demoPeople, demoUnits } from '../../../scripts/demo/directory-demo-data';
import { loadDirectoryDemo } from '../../../scripts/demo/load-directory-demo';
import { startTestService, type TTestService, users } from './support';

/** The demo directory of `npm start`, loaded through the real admin API, twice. */
describe('demo directory', () => {
  let svc: TTestService;
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    svc = await startTestService(new Date('2026-12-01T02:00:00Z'));
    server = await new Promise<Server>((resolve) => {
      const s = svc.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await svc?.close();
  });

  const auth = () => ({ secret: testStack().authSecret, issuer: 'sanxiang-local', audience: 'sanxiang' });

  it('loads every unit with its head, every role, and a second run creates nothing', async () => {
    const first = await loadDirectoryDemo(baseUrl, auth());
    expect(first.created).toBeGreaterThan(30);
    const second = await loadDirectoryDemo(baseUrl, auth());
    expect(second.created).toBe(0);
    // Every certified officer has a photo for the public list (004 §4(2)).
    const certified = demoPeople.filter((p) => p.certificate).map((p) => p.id);
    expect(await svc.db.personPhoto.count({ where: { personId: { in: certified } } })).toBe(certified.length);

    const units = await request(svc.app)
      .get('/units')
      .set(await svc.as(users.admin));
    expect(units.body.map((u: { kind: string }) => u.kind).sort()).toEqual(
      ['disclosure', 'enforcement', 'enforcement', 'legalReview', 'other'].sort(),
    );
    for (const unit of units.body) expect(unit.headId).not.toBeNull();
    const roles = new Set(demoPeople.flatMap((p) => p.roles));
    expect([...roles].sort()).toEqual(['admin', 'discloser', 'head', 'officer', 'reviewer']);
    expect(new Set(demoPeople.map((p) => p.unitId))).toEqual(new Set(demoUnits.map((u) => u.id)));
  });

  it('has the expired, suspended and out-of-area certificates it announces', async () => {
    const res = await request(svc.app)
      .post('/internal/certificate-checks')
      .set(await svc.as(users.system))
      .send({
        date: '2026-12-01',
        category: demoCategory,
        area: `${demoArea}武进区`,
        officerIds: [
          'demo-officer-sunqiang',
          'demo-officer-hemin',
          'demo-officer-fengjun',
          'demo-officer-yangfan',
          'demo-officer-xujing',
        ],
      });
    expect(res.body.officers.map((o: { valid: boolean; reason?: string }) => o.reason ?? 'valid')).toEqual([
      'valid',
      'valid',
      'expired',
      'suspended',
      'areaMismatch',
    ]);
  });
});
