import request from 'supertest';
import { demoOfficerPhoto, demoPhotoBody } from '../../../scripts/demo/support/demo-photo';
import { seedUnit, startTestService, type TTestService, type TUser, users } from './support';

/**
 * officerPhotos (004 §4(2) 公开执法人员的姓名、照片及执法证件): the directory holds each officer's photo;
 * the public personnel list it generates names the photo of everyone listed, and the disclosure
 * platform fetches it with a machine token.
 */
describe('officer photos (004 §4(2))', () => {
  let svc: TTestService;
  beforeAll(async () => {
    svc = await startTestService();
    await seedUnit(svc, 2);
  });
  afterAll(async () => {
    await svc?.close();
  });

  const upload = async (personId: string, body: object, as: TUser = users.admin) =>
    request(svc.app)
      .put(`/people/${personId}/photo`)
      .set(await svc.as(as))
      .send(body);

  it('officerPhotos: an administrator uploads a JPEG or PNG of at most 300 KB; the file must be what it says', async () => {
    expect((await upload('p-officer-1', demoPhotoBody(1), users.officer)).status).toBe(403);
    const notPng = await upload('p-officer-1', {
      contentType: 'image/png',
      dataBase64: Buffer.from('GIF89a not a png').toString('base64'),
    });
    expect(notPng.status).toBe(422);
    expect(notPng.body.detail).toContain('照片');
    const tooBig = await upload('p-officer-1', {
      contentType: 'image/png',
      dataBase64: Buffer.alloc(400 * 1024, 1).toString('base64'),
    });
    expect(tooBig.status).toBe(400);
    expect((await upload('p-nobody', demoPhotoBody(1))).status).toBe(404);

    const ok = await upload('p-officer-1', demoPhotoBody(1));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ contentType: 'image/png', byteLength: demoOfficerPhoto(1).byteLength });
    const audit = await svc.db.auditEvent.findMany({
      where: { subject: 'person:p-officer-1', action: 'person.photoSet' },
    });
    expect(audit).toHaveLength(1);
    // The same file again changes nothing.
    await upload('p-officer-1', demoPhotoBody(1));
    expect(
      await svc.db.auditEvent.count({ where: { subject: 'person:p-officer-1', action: 'person.photoSet' } }),
    ).toBe(1);
  });

  it('officerPhotos: the public list names each listed officer’s photo; the photo is served to machines only', async () => {
    const list = await request(svc.app)
      .get('/internal/public-personnel?at=2026-03-02T10:00:00%2B08:00')
      .set(await svc.as(users.system));
    const entries = list.body.entries as { personId: string; photoSha256: string | null }[];
    const withPhoto = entries.find((e) => e.personId === 'p-officer-1')!;
    expect(withPhoto.photoSha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(entries.find((e) => e.personId === 'p-officer-2')!.photoSha256).toBeNull();

    const photo = await request(svc.app)
      .get('/internal/people/p-officer-1/photo')
      .set(await svc.as(users.system));
    expect(photo.status).toBe(200);
    expect(photo.body.sha256).toBe(withPhoto.photoSha256);
    expect(Buffer.from(photo.body.dataBase64, 'base64').equals(demoOfficerPhoto(1))).toBe(true);
    expect(
      (
        await request(svc.app)
          .get('/internal/people/p-officer-1/photo')
          .set(await svc.as(users.admin))
      ).status,
    ).toBe(403);
    expect(
      (
        await request(svc.app)
          .get('/internal/people/p-officer-2/photo')
          .set(await svc.as(users.system))
      ).status,
    ).toBe(404);
  });
});
