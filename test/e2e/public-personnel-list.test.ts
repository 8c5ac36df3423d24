import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { ARTIFACTS, launchBrowser, seriousViolations } from '../../apps/console/test/support/browser';
import { demoOfficerPhoto, demoPhotoBody } from '../../scripts/demo/support/demo-photo';
import {
  area,
  category,
  seedUnit,
  startTestService,
  type TTestService,
} from '../../services/directory/test/support';
import { createHarness, type THarness } from '../../services/disclosure/test/support/harness';

/**
 * 执法人员清单 on the public platform comes from the directory (002 3 规范事中公示): the real
 * directory service on a loopback port, the real disclosure app asking it with a machine token. A
 * certificate expiring at midnight is gone from the page and the API after it; a revoked one leaves
 * without anyone touching the catalogue; a directory that cannot answer gives a Chinese 503.
 */
describe('public personnel list generated from the directory', () => {
  let directory: TTestService;
  let server: Server;
  let disclosure: THarness;
  let at = new Date('2026-03-02T23:59:59.000+08:00');

  beforeAll(async () => {
    directory = await startTestService();
    await seedUnit(directory, 2); // 32040020001, 32040020002: valid 2025-01-01 … 2027-12-31
    await directory.put('/certificates/32040020009', {
      personId: 'p-officer-2',
      categories: [category],
      areas: [area],
      validFrom: '2024-01-01',
      validTo: '2026-03-02',
    });
    server = createServer(directory.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    disclosure = await createHarness({
      config: { SERVICE_URL_DIRECTORY: `http://127.0.0.1:${(server.address() as AddressInfo).port}` },
      extra: { now: () => at },
    });
  }, 120_000);
  afterAll(async () => {
    await disclosure?.close();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await directory?.close();
  });

  const numbers = async () => {
    const res = await request(disclosure.app).get('/api/public/personnel');
    expect(res.status).toBe(200);
    return (res.body.entries as { certificateNumber: string }[]).map((e) => e.certificateNumber).sort();
  };

  it('lists valid certificates and drops one expiring at midnight Beijing time, after it', async () => {
    expect(await numbers()).toEqual(['32040020001', '32040020002', '32040020009']);
    const page = await request(disclosure.app).get('/public/personnel');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.text).toContain('<h1>执法人员清单</h1>');
    expect(page.text).toContain('常州市人力资源和社会保障局');
    expect(page.text).toContain('32040020009');
    expect(page.text).toContain('2026年3月2日');
    // personnelPost (000 §5, 001 二(一)2(5)): the post (职务) of each officer, from the directory.
    expect(page.text).toContain('<th scope="col">职务</th>');
    expect(page.text).toMatch(/<th scope="row">执法员1<\/th>\s*<td>科员<\/td>/u);
    expect((await request(disclosure.app).get('/api/public/personnel')).body.entries[0].post).toBe('科员');

    at = new Date('2026-03-03T00:00:00.000+08:00'); // one second later: the answer cached before must not be used
    expect(await numbers()).toEqual(['32040020001', '32040020002']);
    expect((await request(disclosure.app).get('/public/personnel')).text).not.toContain('32040020009');
  });

  it('drops a revoked certificate without any catalogue edit', async () => {
    await directory.put('/certificates/32040020001/status', {
      status: 'revoked',
      reason: '调离执法岗位，收回执法证',
    });
    at = new Date(at.getTime() + 11_000); // past the 10-second reuse of an answer
    expect(await numbers()).toEqual(['32040020002']);
  });

  it('links the catalogue’s personnel section to it', async () => {
    const catalogue = await request(disclosure.app).get('/public/catalogue');
    expect(catalogue.text).toMatch(/<a href="\/public\/personnel">执法人员清单<\/a\s*>/);
  });

  it('officerPhotos: shows the directory’s photo of each listed officer, and none of an officer no longer listed (004 §4(2))', async () => {
    await directory.put('/people/p-officer-2/photo', demoPhotoBody(2));
    await directory.put('/people/p-officer-1/photo', demoPhotoBody(1)); // revoked above: not listed
    at = new Date(at.getTime() + 11_000);
    const entries = (await request(disclosure.app).get('/api/public/personnel')).body.entries as {
      personId: string;
      photoSha256: string | null;
    }[];
    expect(entries.map((e) => e.personId)).toEqual(['p-officer-2']);
    const sha = entries[0]!.photoSha256!;
    const page = await request(disclosure.app).get('/public/personnel');
    expect(page.text).toContain(`src="/public/personnel/p-officer-2/photo?v=${sha}"`);
    expect(page.text).toContain('alt="执法员2的照片"');
    const photo = await request(disclosure.app).get(`/public/personnel/p-officer-2/photo?v=${sha}`);
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(Buffer.from(photo.body as Buffer).equals(demoOfficerPhoto(2))).toBe(true);
    // A revoked officer's photo is not public, even by its exact address; a stale hash neither.
    const revoked = (await directory.db.personPhoto.findUnique({ where: { personId: 'p-officer-1' } }))!
      .sha256;
    expect(
      (await request(disclosure.app).get(`/public/personnel/p-officer-1/photo?v=${revoked}`)).status,
    ).toBe(404);
    expect(
      (await request(disclosure.app).get(`/public/personnel/p-officer-2/photo?v=${'0'.repeat(64)}`)).status,
    ).toBe(404);

    // As a person sees it: Chromium, axe-core (no serious or critical WCAG 2.1 AA violation), a screenshot.
    const listening = disclosure.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listening.once('listening', resolve));
    const browser = await launchBrowser();
    try {
      const tab = await browser.context.newPage();
      await tab.goto(`http://127.0.0.1:${(listening.address() as AddressInfo).port}/public/personnel`);
      const img = tab.getByRole('img', { name: '执法员2的照片' });
      expect(await img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBe(120);
      expect(await seriousViolations(tab)).toEqual([]);
      await tab.screenshot({ path: path.join(ARTIFACTS, 'public-personnel-photos.png'), fullPage: true });
    } finally {
      await browser.close();
      await new Promise((resolve) => listening.close(resolve));
    }
  });

  it('answers 503 in Chinese while the directory cannot be asked', async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    at = new Date(at.getTime() + 11_000);
    const page = await request(disclosure.app).get('/public/personnel');
    expect(page.status).toBe(503);
    expect(page.text).toContain('执法人员清单暂时无法获取');
    const api = await request(disclosure.app).get('/api/public/personnel');
    expect(api.status).toBe(503);
    expect(api.headers['content-type']).toMatch(/problem\+json/);
  });
});
