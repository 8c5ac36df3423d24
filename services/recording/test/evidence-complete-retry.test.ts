import request from 'supertest';
import { createUpload, mp4Bytes, sha256, versionsUnder } from './support/evidence-helpers';
import {
  openCaseWithActivity,
  startRecordingTestEnv,
  users,
  type TRecordingTestEnv,
} from './support/recording-test-env';

// Found by the 1000-lifecycle soak (#16, docs/reliability.md): an attempt at
// `POST /evidence-uploads/{id}/complete` that stops after the object store assembled the parts but
// before the service registered the version (the service killed, PostgreSQL down) left the upload
// unfinishable — every retry answered 500 "multipart upload does not exist" for as long as the
// client kept trying, and the assembled object stayed in the store unreferenced.

const MiB = 1024 * 1024;
let env: TRecordingTestEnv;

beforeAll(async () => {
  env = await startRecordingTestEnv();
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

it('a retried completion registers the object an interrupted attempt assembled, checked by its hash, once', async () => {
  const { caseNumber, activityId } = await openCaseWithActivity(env);
  const content = mp4Bytes(11 * MiB);
  const created = await createUpload(env, { caseNumber, activityId, content });
  const id = created.body.uploadId as string;
  const auth = await env.auth(users.officerA);
  for (const n of [1, 2, 3]) {
    const sent = await request(env.app)
      .put(`/evidence-uploads/${id}/parts/${n}`)
      .set('authorization', auth)
      .set('content-type', 'application/octet-stream')
      .send(content.subarray((n - 1) * 5 * MiB, Math.min(n * 5 * MiB, content.length)));
    expect(sent.status).toBe(200);
  }
  // The interrupted attempt: the store completes the multipart upload, the service records nothing.
  const upload = await env.db.evidenceUpload.findUniqueOrThrow({ where: { id }, include: { parts: true } });
  const assembled = await env.store.completeMultipart(
    upload.objectKey,
    upload.s3UploadId!,
    upload.parts.map((p) => ({ part: p.partNumber, etag: p.etag })).sort((a, b) => a.part - b.part),
  );

  const retried = await request(env.app).post(`/evidence-uploads/${id}/complete`).set('authorization', auth);
  expect(retried.status).toBe(201);
  expect(retried.body).toMatchObject({ sha256: sha256(content), retention: { locked: true } });
  const again = await request(env.app).post(`/evidence-uploads/${id}/complete`).set('authorization', auth);
  expect(again.status).toBe(200);
  expect(again.body.id).toBe(retried.body.id);
  // The registered evidence is that very version; nothing else lies under the key.
  const evidence = await env.db.evidence.findUniqueOrThrow({ where: { id: retried.body.id as string } });
  expect(evidence.versionId).toBe(assembled);
  expect((await versionsUnder(env, upload.objectKey)).map((v) => v.versionId)).toEqual([assembled]);
});
