import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { TTestUser } from '@sanxiang/testing';
import { createEvidenceStore, createS3Client } from '../src/data-access/evidence-store';
import { reconcileEvidence } from '../src/domain/evidence/reconcile-evidence';
import { buildRecordingDeps } from '../src/app';
import {
  binary,
  createUpload,
  mp4Bytes,
  sha256,
  uploadEvidence,
  versionsUnder,
} from './support/evidence-helpers';
import {
  eventually,
  openCaseWithActivity,
  startRecordingTestEnv,
  users,
  type TRecordingTestEnv,
} from './support/recording-test-env';

const MiB = 1024 * 1024;
let env: TRecordingTestEnv;

beforeAll(async () => {
  env = await startRecordingTestEnv();
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

const keyOf = (caseId: string, uploadId: string) => `cases/${caseId}/evidence/${uploadId}`;

describe('evidence upload and download', () => {
  it('streams an upload to the store, locks it, signals the lifecycle, and serves it back verified', async () => {
    const { caseNumber, caseId, activityId } = await openCaseWithActivity(env);
    const content = mp4Bytes(12 * MiB + 123); // three parts of 5 MiB
    const { uploadId, res } = await uploadEvidence(env, {
      caseNumber,
      activityId,
      content,
      extra: {
        recordedFrom: '2026-11-20T09:00:00+08:00',
        recordedUntil: '2026-11-20T10:10:00+08:00',
        interruptions: [
          {
            interruptedAt: '2026-11-20T09:40:00+08:00',
            resumedAt: '2026-11-20T09:45:00+08:00',
            cause: 'batteryLow',
            explanation: '执法记录仪电量不足，更换电池后继续录制',
          },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      sha256: sha256(content),
      size: content.length,
      activityId,
      retention: { mode: 'COMPLIANCE', locked: true },
    });
    expect(res.body.interruptions[0].cause).toBe('batteryLow');

    const row = await env.db.evidence.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.objectKey).toBe(keyOf(caseId, uploadId));
    const retention = await env.s3.getObjectRetention(env.bucket, row.objectKey, {
      versionId: row.versionId,
    });
    expect(retention).toMatchObject({ mode: 'COMPLIANCE' });
    expect(new Date(retention!.retainUntilDate!).getTime()).toBe(row.retainUntil.getTime());

    const probe = await eventually(async () => {
      const log = await env.probe(caseNumber);
      expect(log.find((e) => e.name === 'evidenceUploaded')).toBeDefined();
      return log;
    });
    expect(probe.find((e) => e.name === 'evidenceUploaded')!.payload).toEqual({
      activityId,
      uploadedAt: row.uploadedAt.toISOString(),
    });

    const download = await request(env.app)
      .get(`/evidence/${row.id}/content`)
      .set('authorization', await env.auth(users.officerB))
      .set('user-agent', 'jest-download')
      .buffer(true)
      .parse(binary);
    expect(download.status).toBe(200);
    expect(download.headers['x-evidence-sha256']).toBe(sha256(content));
    expect(download.headers['content-type']).toBe('video/mp4');
    expect(sha256(download.body as Buffer)).toBe(sha256(content));

    const logged = await env.db.auditEvent.findFirstOrThrow({
      where: { action: 'evidence.downloaded', subject: `evidence:${row.id}` },
    });
    expect(logged).toMatchObject({ actorId: users.officerB.id, actorName: users.officerB.name });
    expect(logged.ip).toMatch(/127\.0\.0\.1/);
    expect(logged.details).toMatchObject({
      basis: 'caseOfficer',
      userAgent: 'jest-download',
      fileName: '执法记录仪-001.mp4',
    });
  });

  it('the store itself refuses to delete or alter the locked original; a PUT or DELETE to its key leaves it intact', async () => {
    const { caseNumber, caseId, activityId } = await openCaseWithActivity(env);
    const content = mp4Bytes(64 * 1024);
    const { res } = await uploadEvidence(env, { caseNumber, activityId, content });
    expect(res.status).toBe(201);
    const { objectKey, versionId } = await env.db.evidence.findUniqueOrThrow({ where: { id: res.body.id } });

    // Delete the locked version itself: refused.
    await expect(env.s3.removeObject(env.bucket, objectKey, { versionId })).rejects.toMatchObject({
      code: expect.stringMatching(/InvalidRequest|AccessDenied/),
    });
    await expect(
      env.s3.removeObject(env.bucket, objectKey, { versionId, governanceBypass: true }),
    ).rejects.toBeDefined();
    // Shorten or remove the COMPLIANCE retention: refused.
    await expect(
      env.s3.putObjectRetention(env.bucket, objectKey, {
        versionId,
        mode: 'GOVERNANCE',
        retainUntilDate: new Date(Date.now() + 1000).toISOString(),
        governanceBypass: true,
      }),
    ).rejects.toBeDefined();
    await expect(
      env.s3.putObjectRetention(env.bucket, objectKey, {
        versionId,
        mode: 'COMPLIANCE',
        retainUntilDate: new Date(Date.now() + 1000).toISOString(),
      }),
    ).rejects.toBeDefined();
    // Overwrite the key: only a new version appears. Delete the key: only a delete marker appears.
    const overwrite = await env.s3.putObject(env.bucket, objectKey, Buffer.from('forged'));
    expect(overwrite.versionId).not.toBe(versionId);
    await env.s3.removeObject(env.bucket, objectKey);
    const stat = await env.s3.statObject(env.bucket, objectKey, { versionId });
    expect(stat.size).toBe(content.length);

    // The service reads by version: the original, with its registered hash.
    const download = await request(env.app)
      .get(`/evidence/${res.body.id}/content`)
      .set('authorization', await env.auth(users.head))
      .buffer(true)
      .parse(binary);
    expect(download.status).toBe(200);
    expect(sha256(download.body as Buffer)).toBe(sha256(content));

    // Reconciliation reports both attempts.
    const report = await reconcileEvidence(buildRecordingDeps(env.deps), {
      repair: false,
      verifyHashes: true,
      graceMinutes: 0,
      prefix: `cases/${caseId}/`,
    });
    expect(report.findings.map((f) => f.kind).sort()).toEqual(['deleteMarker', 'orphanVersion']);
    expect(report.findings.find((f) => f.kind === 'orphanVersion')!.versionId).toBe(overwrite.versionId);
  });

  it('refuses wrong content type, declared size or hash mismatches with a clear 4xx and stores nothing', async () => {
    const { caseNumber, caseId, activityId } = await openCaseWithActivity(env);
    const auth = await env.auth(users.officerA);
    const content = mp4Bytes(6 * MiB);

    const bad = await request(env.app)
      .post(`/cases/${encodeURIComponent(caseNumber)}/evidence-uploads`)
      .set('authorization', auth)
      .send({
        activityId,
        mediaKind: 'photo',
        contentType: 'video/mp4',
        fileName: 'a/b.mp4',
        size: 0,
        sha256: 'xyz',
      });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.contentType',
      'body.fileName',
      'body.sha256',
      'body.size',
    ]);
    const badType = await createUpload(env, {
      caseNumber,
      activityId,
      content,
      mediaKind: 'photo',
      contentType: 'video/mp4',
    });
    expect(badType.status).toBe(400);
    expect(badType.body.errors).toEqual([
      { path: 'body.contentType', message: '文件类型：不是照片可接受的文件类型' },
    ]);

    const upload = (await createUpload(env, { caseNumber, activityId, content })).body.uploadId as string;
    const put = () => request(env.app).put(`/evidence-uploads/${upload}/content`).set('authorization', auth);

    const wrongHeader = await put().set('content-type', 'video/quicktime').send(content);
    expect(wrongHeader.status).toBe(415);
    expect(wrongHeader.body.errors).toEqual([
      { path: 'headers.content-type', message: 'Content-Type 请求头：应为 video/mp4' },
    ]);

    const short = await put()
      .set('content-type', 'video/mp4')
      .send(content.subarray(0, content.length - 1));
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([
      { path: 'headers.content-length', message: `Content-Length 请求头：应为 ${content.length}` },
    ]);

    const forged = Buffer.from(content);
    forged[forged.length - 1] = forged[forged.length - 1]! ^ 0xff;
    const hashMismatch = await put().set('content-type', 'video/mp4').send(forged);
    expect(hashMismatch.status).toBe(422);
    expect(hashMismatch.body.detail).toContain('SHA-256');

    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      content.subarray(8),
    ]);
    const sniffUpload = (await createUpload(env, { caseNumber, activityId, content: png })).body
      .uploadId as string;
    const sniffed = await request(env.app)
      .put(`/evidence-uploads/${sniffUpload}/content`)
      .set('authorization', auth)
      .set('content-type', 'video/mp4')
      .send(png);
    expect(sniffed.status).toBe(415);
    expect(sniffed.body.detail).toContain('不是声明的类型');

    expect(await env.db.evidence.count({ where: { caseId } })).toBe(0);
    expect(await versionsUnder(env, `cases/${caseId}/`)).toEqual([]);
    expect(await env.store.listIncompleteUploads(`cases/${caseId}/`)).toEqual([]);

    // The session is still open: the right bytes are accepted afterwards.
    const ok = await put().set('content-type', 'video/mp4').send(content);
    expect(ok.status).toBe(201);
    // And a repeat answers with the registered evidence without storing anything again.
    const again = await put().set('content-type', 'video/mp4').send(content);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(ok.body.id);
    expect((await versionsUnder(env, `cases/${caseId}/`)).length).toBe(1);
  });

  it('a failure in the middle of an upload (client gone) leaves no object, no row and no parts', async () => {
    const { caseNumber, caseId, activityId } = await openCaseWithActivity(env);
    const content = mp4Bytes(16 * MiB);
    const uploadId = (await createUpload(env, { caseNumber, activityId, content })).body.uploadId as string;
    const server = env.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    try {
      const auth = await env.auth(users.officerA);
      await new Promise<void>((resolve) => {
        const req = http.request({
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: `/evidence-uploads/${uploadId}/content`,
          headers: { authorization: auth, 'content-type': 'video/mp4', 'content-length': content.length },
        });
        req.on('error', () => resolve());
        req.write(content.subarray(0, 11 * MiB), () => {
          // Past two parts: let them reach the store, then break the connection off.
          setTimeout(() => {
            req.destroy();
            resolve();
          }, 500);
        });
      });
      await eventually(async () => {
        const failed = await env.db.auditEvent.count({
          where: { action: 'evidenceUpload.failed', subject: `upload:${uploadId}` },
        });
        expect(failed).toBe(1);
      });
      expect(await env.db.evidence.count({ where: { caseId } })).toBe(0);
      expect(await versionsUnder(env, `cases/${caseId}/`)).toEqual([]);
      expect(await env.store.listIncompleteUploads(`cases/${caseId}/`)).toEqual([]);
      expect((await env.db.evidenceUpload.findUniqueOrThrow({ where: { id: uploadId } })).status).toBe(
        'open',
      );
    } finally {
      await new Promise((r) => server.close(r));
    }
    // The officer sends it again and it is registered.
    const retry = await request(env.app)
      .put(`/evidence-uploads/${uploadId}/content`)
      .set('authorization', await env.auth(users.officerA))
      .set('content-type', 'video/mp4')
      .send(content);
    expect(retry.status).toBe(201);
  });

  it('refuses an upload for a closed case, also when the case is closed while the file is on its way', async () => {
    const { caseNumber, caseId, activityId } = await openCaseWithActivity(env);
    const content = mp4Bytes(6 * MiB);
    const pending = (await createUpload(env, { caseNumber, activityId, content })).body.uploadId as string;
    const server = env.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    try {
      const auth = await env.auth(users.officerA);
      const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            method: 'PUT',
            path: `/evidence-uploads/${pending}/content`,
            headers: { authorization: auth, 'content-type': 'video/mp4', 'content-length': content.length },
          },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.write(content.subarray(0, 3 * MiB), () => {
          void (async () => {
            const closed = await request(env.app)
              .post(`/cases/${encodeURIComponent(caseNumber)}/close`)
              .set('authorization', await env.auth(users.officerB))
              .send({ reason: '经调查不存在违法行为，撤销立案' });
            expect(closed.status).toBe(200);
            req.end(content.subarray(3 * MiB));
          })();
        });
      });
      const res = await answer;
      expect(res.status).toBe(409);
      expect(JSON.parse(res.body).detail).toContain('已结案');
    } finally {
      await new Promise((r) => server.close(r));
    }
    // The completed version was removed again: nothing under the case's prefix, no row.
    expect(await env.db.evidence.count({ where: { caseId } })).toBe(0);
    expect(await versionsUnder(env, `cases/${caseId}/`)).toEqual([]);

    const late = await createUpload(env, { caseNumber, activityId, content });
    expect(late.status).toBe(409);
    expect(late.body.caseStatus).toBe('closed');
    const probe = await env.probe(caseNumber);
    expect(probe.find((e) => e.name === 'closeCase')?.payload).toMatchObject({ closedBy: users.officerB.id });
  });

  it('answers 503 when the store cannot be reached, registers nothing, and reports it in /readyz', async () => {
    const { caseNumber, caseId, activityId } = await openCaseWithActivity(env);
    const content = mp4Bytes(1024);
    const uploadId = (await createUpload(env, { caseNumber, activityId, content })).body.uploadId as string;
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const down = createEvidenceStore(
      createS3Client({ ...env.deps.config, S3_ENDPOINT: `http://127.0.0.1:${deadPort}` }),
      env.bucket,
    );
    const app = env.appWith({ store: down });
    const res = await request(app)
      .put(`/evidence-uploads/${uploadId}/content`)
      .set('authorization', await env.auth(users.officerA))
      .set('content-type', 'video/mp4')
      .send(content);
    expect(res.status).toBe(503);
    expect(res.body.detail).toContain('证据存储服务');
    expect(await env.db.evidence.count({ where: { caseId } })).toBe(0);
    expect((await env.db.evidenceUpload.findUniqueOrThrow({ where: { id: uploadId } })).status).toBe('open');
    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.evidenceStore.ok).toBe(false);
    expect((await request(env.app).get('/readyz')).body.checks.evidenceStore).toEqual({ ok: true });
  });

  it('resumes a large upload part by part, in any order, and checks the assembled file', async () => {
    const { caseNumber, activityId } = await openCaseWithActivity(env);
    const content = mp4Bytes(11 * MiB);
    const created = await createUpload(env, { caseNumber, activityId, content });
    expect(created.body).toMatchObject({ partSize: 5 * MiB, partCount: 3 });
    const id = created.body.uploadId as string;
    const auth = await env.auth(users.officerA);
    const part = (n: number) =>
      request(env.app)
        .put(`/evidence-uploads/${id}/parts/${n}`)
        .set('authorization', auth)
        .set('content-type', 'application/octet-stream')
        .send(content.subarray((n - 1) * 5 * MiB, Math.min(n * 5 * MiB, content.length)));
    expect((await part(2)).status).toBe(200);
    expect((await part(1)).status).toBe(200);
    const status = await request(env.app).get(`/evidence-uploads/${id}`).set('authorization', auth);
    expect(status.body.receivedParts.map((p: { partNumber: number }) => p.partNumber)).toEqual([1, 2]);
    const early = await request(env.app).post(`/evidence-uploads/${id}/complete`).set('authorization', auth);
    expect(early.status).toBe(409);
    expect(early.body.missingParts).toEqual([3]);
    const wrongSize = await request(env.app)
      .put(`/evidence-uploads/${id}/parts/3`)
      .set('authorization', auth)
      .set('content-type', 'application/octet-stream')
      .send(Buffer.alloc(10));
    expect(wrongSize.status).toBe(400);
    expect((await part(3)).status).toBe(200);
    const done = await request(env.app).post(`/evidence-uploads/${id}/complete`).set('authorization', auth);
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ sha256: sha256(content), retention: { locked: true } });
  });

  it('lists the open upload sessions of a case to its officers; an expired one is aborted by reconciliation', async () => {
    const { caseNumber, caseId, activityId } = await openCaseWithActivity(env);
    const content = mp4Bytes(11 * MiB);
    const created = await createUpload(env, { caseNumber, activityId, content });
    const id = created.body.uploadId as string;
    const auth = await env.auth(users.officerA);
    await request(env.app)
      .put(`/evidence-uploads/${id}/parts/1`)
      .set('authorization', auth)
      .set('content-type', 'application/octet-stream')
      .set('x-content-sha256', sha256(content.subarray(0, 5 * MiB)))
      .send(content.subarray(0, 5 * MiB))
      .expect(200);
    const done = await uploadEvidence(env, { caseNumber, activityId, content: mp4Bytes(3000) });
    expect(done.res.status).toBe(201);

    // The other officer of the case sees it (resumes on another computer); others do not.
    const listed = await request(env.app)
      .get(`/cases/${encodeURIComponent(caseNumber)}/evidence-uploads`)
      .set('authorization', await env.auth(users.officerB));
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0]).toMatchObject({
      uploadId: id,
      partCount: 3,
      receivedParts: [{ partNumber: 1, size: 5 * MiB }],
      createdBy: { id: users.officerA.id, name: users.officerA.name },
    });
    const outsider = await request(env.app)
      .get(`/cases/${encodeURIComponent(caseNumber)}/evidence-uploads`)
      .set('authorization', await env.auth(users.otherOfficer));
    expect(outsider.status).toBe(403);

    // Left unfinished past its expiry: no longer listed; reconciliation aborts its multipart upload.
    await env.db.evidenceUpload.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const after = await request(env.app)
      .get(`/cases/${encodeURIComponent(caseNumber)}/evidence-uploads`)
      .set('authorization', auth);
    expect(after.body).toEqual([]);
    const key = keyOf(caseId, id);
    const pending = async () => {
      const out: string[] = [];
      for await (const u of env.s3.listIncompleteUploads(env.bucket, key, true) as AsyncIterable<{
        uploadId: string;
      }>)
        out.push(u.uploadId);
      return out;
    };
    expect(await pending()).toHaveLength(1);
    const report = await reconcileEvidence(buildRecordingDeps(env.deps), {
      repair: true,
      verifyHashes: false,
      graceMinutes: 0,
      prefix: `cases/${caseId}/`,
    });
    expect(report.findings.map((f) => [f.kind, f.uploadId, f.repaired])).toEqual([
      ['expiredUpload', id, true],
    ]);
    expect(await pending()).toEqual([]);
    expect((await env.db.evidenceUpload.findUniqueOrThrow({ where: { id } })).status).toBe('expired');
  });

  it('a download refuses a stored object that does not match its registered hash', async () => {
    const { caseNumber, activityId } = await openCaseWithActivity(env);
    const { res } = await uploadEvidence(env, { caseNumber, activityId, content: mp4Bytes(4096) });
    // Someone with database rights edits the row (bypassing the append-only trigger).
    await env.db.$transaction([
      env.db.$executeRawUnsafe('ALTER TABLE "Evidence" DISABLE TRIGGER "Evidence_append_only"'),
      env.db.$executeRaw`UPDATE "Evidence" SET sha256 = ${'0'.repeat(64)} WHERE id = ${res.body.id}::uuid`,
      env.db.$executeRawUnsafe('ALTER TABLE "Evidence" ENABLE TRIGGER "Evidence_append_only"'),
    ]);
    const download = await request(env.app)
      .get(`/evidence/${res.body.id}/content`)
      .set('authorization', await env.auth(users.head));
    expect(download.status).toBe(409);
    expect(download.body.detail).toContain('SHA-256 不一致');
    expect(
      await env.db.auditEvent.count({
        where: { action: 'evidence.integrityFailed', subject: `evidence:${res.body.id}` },
      }),
    ).toBe(1);
    expect(
      await env.db.auditEvent.count({
        where: { action: 'evidence.downloaded', subject: `evidence:${res.body.id}` },
      }),
    ).toBe(0);
  });

  it('reads by unit: the unit reads, others get 404 (audited) and need an approved, unexpired, unrevoked access request', async () => {
    const { caseNumber, caseId, activityId } = await openCaseWithActivity(env);
    const { res } = await uploadEvidence(env, { caseNumber, activityId, content: mp4Bytes(2048) });
    const evidenceId = res.body.id as string;
    const outsider = await env.auth(users.otherUnitOfficer);
    const path = `/cases/${encodeURIComponent(caseNumber)}`;
    const read = async (user: TTestUser | string, url = `/evidence/${evidenceId}`) =>
      (
        await request(env.app)
          .get(url)
          .set('authorization', typeof user === 'string' ? user : await env.auth(user))
      ).status;

    // The case's unit reads it: an officer of the unit not on the case, and its head.
    expect(await read(users.otherOfficer)).toBe(200);
    expect(await read(users.head)).toBe(200);
    // Anyone else gets the answer a case that does not exist gets: no enumeration of case numbers.
    const missing = await request(env.app)
      .get(`/cases/${encodeURIComponent('常人社监〔2099〕99号')}`)
      .set('authorization', outsider);
    const hidden = await request(env.app).get(path).set('authorization', outsider);
    expect([missing.status, hidden.status]).toEqual([404, 404]);
    expect(hidden.body.title).toBe(missing.body.title);
    expect(await read(outsider)).toBe(404);
    expect(await read(users.otherUnitHead)).toBe(404);
    expect(await read(users.reviewer)).toBe(404); // not submitted to legal review
    expect(await read(users.discloser)).toBe(404);
    // Each refusal is in the audit trail: who, what, why.
    const refusals = await env.db.auditEvent.findMany({
      where: { action: 'evidence.readRefused', subject: `evidence:${evidenceId}` },
      orderBy: { id: 'asc' },
    });
    expect(refusals.map((r) => r.actorId)).toEqual([
      users.otherUnitOfficer.id,
      users.otherUnitHead.id,
      users.reviewer.id,
      users.discloser.id,
    ]);
    expect(refusals[0]!.details).toMatchObject({
      what: 'evidence.view',
      reason: 'noBasis',
      caseNumber,
      unitId: 'test-unit-b',
    });
    expect(refusals[0]!.caseId).toBe(caseId);
    expect(
      await env.db.auditEvent.count({
        where: { action: 'caseFile.readRefused', actorId: users.otherUnitOfficer.id },
      }),
    ).toBe(2);

    // Asking for access tells an outsider nothing either: a missing case, evidence not of the case
    // and a stored request get the same answer (202); only the stored one is a row, all are audited.
    const ask = (url: string, body: object, who = outsider) =>
      request(env.app).post(`${url}/access-requests`).set('authorization', who).send(body);
    const askedMissing = await ask(`/cases/${encodeURIComponent('常人社监〔2099〕99号')}`, {
      reason: '关联案件比对',
    });
    const askedWrongEvidence = await ask(path, { reason: '关联案件比对', evidenceIds: [randomUUID()] });
    const askedStored = await ask(path, { reason: '关联案件比对', evidenceIds: [evidenceId] });
    expect([askedMissing.status, askedWrongEvidence.status]).toEqual([202, 202]);
    expect(askedStored.status).toBe(202);
    expect(askedMissing.body).toEqual(askedStored.body);
    expect(askedWrongEvidence.body).toEqual(askedStored.body);
    expect(
      (
        await env.db.auditEvent.findMany({
          where: { action: 'accessRequest.discarded', actorId: users.otherUnitOfficer.id },
          orderBy: { id: 'asc' },
        })
      ).map((e) => (e.details as { reason: string }).reason),
    ).toEqual(['notFound', 'evidenceNotOfCase']);
    expect(await env.db.accessRequest.count({ where: { caseId } })).toBe(1);
    expect(await read(outsider)).toBe(404);
    // A pending request is not shown to its requester (it would tell the case exists): 404 as for
    // a missing case; the unit's head sees every request of the case.
    const pendingOwn = await request(env.app).get(`${path}/access-requests`).set('authorization', outsider);
    expect(pendingOwn.status).toBe(404);
    const listedForHead = async () =>
      (
        await request(env.app)
          .get(`${path}/access-requests`)
          .set('authorization', await env.auth(users.head))
      ).body as { id: string; status: string; requester: { id: string } }[];
    const asked = { body: (await listedForHead())[0]! };
    expect(asked.body).toMatchObject({ status: 'pending', requester: { id: users.otherUnitOfficer.id } });

    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const approve = async (user: TTestUser, body: object = { expiresAt }) =>
      request(env.app)
        .post(`/access-requests/${asked.body.id}/approve`)
        .set('authorization', await env.auth(user))
        .send(body);
    expect((await approve(users.officerA)).status).toBe(403); // not a head
    expect((await approve(users.otherUnitHead)).status).toBe(404); // head of another unit
    const tooLong = await approve(users.head, {
      expiresAt: new Date(Date.now() + 200 * 86_400_000).toISOString(),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].path).toBe('body.expiresAt');
    const approved = await approve(users.head, { expiresAt, note: '同意调阅一天' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: { id: users.head.id } });
    // Decided, the request shows to its requester.
    const own = await request(env.app).get(`${path}/access-requests`).set('authorization', outsider);
    expect(own.body.map((r: { id: string }) => r.id)).toEqual([asked.body.id]);

    expect(await read(outsider)).toBe(200);
    const log = await env.db.auditEvent.findFirstOrThrow({
      where: { action: 'evidence.viewed', actorId: users.otherUnitOfficer.id },
    });
    expect(log.details).toMatchObject({ basis: `accessRequest:${asked.body.id}` });
    // The grant covers that evidence only, not the whole case file.
    expect(await read(outsider, path)).toBe(404);

    // Revocation before expiry ends it at once (撤销调阅授权), by a head of the case's unit.
    const revoke = async (user: TTestUser, body: object = { reason: '比对已完成，提前收回授权' }) =>
      request(env.app)
        .post(`/access-requests/${asked.body.id}/revoke`)
        .set('authorization', await env.auth(user))
        .send(body);
    expect((await revoke(users.otherUnitHead)).status).toBe(404);
    expect((await revoke(users.head, { reason: '' })).status).toBe(400);
    const revoked = await revoke(users.secondDeputyHead);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      status: 'revoked',
      revokedBy: { id: users.secondDeputyHead.id },
      revokeReason: '比对已完成，提前收回授权',
    });
    expect((await revoke(users.secondDeputyHead)).body.status).toBe('revoked'); // a repeat answers the same
    expect(await read(outsider)).toBe(404);
    const afterRevocation = await env.db.auditEvent.findFirstOrThrow({
      where: { action: 'evidence.readRefused', actorId: users.otherUnitOfficer.id },
      orderBy: { id: 'desc' },
    });
    expect(afterRevocation.details).toMatchObject({ reason: 'grantRevoked', accessRequestId: asked.body.id });
    expect((await approve(users.head)).status).toBe(409); // a revoked grant is not approved again

    // Expiry ends a grant too; an expired one cannot be revoked.
    expect((await ask(path, { reason: '再次比对', evidenceIds: [evidenceId] })).status).toBe(202);
    const third = { body: (await listedForHead()).find((r) => r.status === 'pending')! };
    await request(env.app)
      .post(`/access-requests/${third.body.id}/approve`)
      .set('authorization', await env.auth(users.head))
      .send({ expiresAt })
      .expect(200);
    expect(await read(outsider)).toBe(200);
    await env.db.accessRequest.update({
      where: { id: third.body.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await read(outsider)).toBe(404);
    const lateRevoke = await request(env.app)
      .post(`/access-requests/${third.body.id}/revoke`)
      .set('authorization', await env.auth(users.head))
      .send({ reason: '收回' });
    expect(lateRevoke.status).toBe(409);

    // A refusal is final and is not a grant.
    expect((await ask(path, { reason: '公示核对' }, await env.auth(users.discloser))).status).toBe(202);
    const second = {
      body: (await listedForHead()).find((r) => r.requester.id === users.discloser.id)!,
    };
    const refused = await request(env.app)
      .post(`/access-requests/${second.body.id}/refuse`)
      .set('authorization', await env.auth(users.head))
      .send({ note: '公示无需调阅原始音视频' });
    expect(refused.body.status).toBe('refused');
    expect(await read(users.discloser)).toBe(404);
    const reapprove = await request(env.app)
      .post(`/access-requests/${second.body.id}/approve`)
      .set('authorization', await env.auth(users.head))
      .send({ expiresAt });
    expect(reapprove.status).toBe(409);
    const actions = (await env.db.auditEvent.findMany({ where: { caseId }, select: { action: true } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'accessRequest.created',
        'accessRequest.approved',
        'accessRequest.revoked',
        'accessRequest.refused',
        'evidence.viewed',
        'evidence.readRefused',
      ]),
    );
  });

  it('reconciliation repairs evidence committed but not yet locked, and removes unlocked orphans', async () => {
    const { caseNumber, caseId, activityId } = await openCaseWithActivity(env);
    const flaky = {
      ...env.store,
      applyRetention: () =>
        Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    };
    const app = env.appWith({ store: flaky });
    const created = await createUpload(env, { caseNumber, activityId, content: mp4Bytes(3000) });
    const content = mp4Bytes(3000);
    const up2 = await createUpload(env, { caseNumber, activityId, content });
    await request(env.app)
      .delete(`/evidence-uploads/${created.body.uploadId}`)
      .set('authorization', await env.auth(users.officerA))
      .expect(200);
    const res = await request(app)
      .put(`/evidence-uploads/${up2.body.uploadId}/content`)
      .set('authorization', await env.auth(users.officerA))
      .set('content-type', 'video/mp4')
      .send(content);
    expect(res.status).toBe(201);
    expect(res.body.retention.locked).toBe(false);
    await env.s3.putObject(env.bucket, `cases/${caseId}/evidence/stray`, Buffer.from('left behind'));

    const deps = buildRecordingDeps(env.deps);
    const prefix = `cases/${caseId}/`;
    const before = await reconcileEvidence(deps, {
      repair: false,
      verifyHashes: false,
      graceMinutes: 0,
      prefix,
    });
    expect(before.findings.map((f) => f.kind).sort()).toEqual(['notLocked', 'orphanVersion']);
    const repaired = await reconcileEvidence(deps, {
      repair: true,
      verifyHashes: false,
      graceMinutes: 0,
      prefix,
    });
    expect(repaired.unresolved).toBe(0);
    const row = await env.db.evidence.findUniqueOrThrow({
      where: { id: res.body.id },
      include: { lock: true },
    });
    expect(row.lock).not.toBeNull();
    expect(
      await env.s3.getObjectRetention(env.bucket, row.objectKey, { versionId: row.versionId }),
    ).toMatchObject({ mode: 'COMPLIANCE' });
    const after = await reconcileEvidence(deps, {
      repair: false,
      verifyHashes: true,
      graceMinutes: 0,
      prefix,
    });
    expect(after.findings).toEqual([]);
  });

  it('refuses the same file twice in one case (409 naming the existing evidence) unless the officer states it is a distinct original', async () => {
    const { caseNumber, caseId, activityId } = await openCaseWithActivity(env);
    const content = mp4Bytes(64 * 1024);
    const first = await uploadEvidence(env, { caseNumber, activityId, content });
    expect(first.res.status).toBe(201);

    // Declared again: refused before any byte is sent, pointing at the evidence already locked.
    const again = await createUpload(env, { caseNumber, activityId, content, fileName: '重复.mp4' });
    expect(again.status).toBe(409);
    expect(again.body.existingEvidenceId).toBe(first.res.body.id);
    expect(again.body.detail).toContain('执法记录仪-001.mp4');
    expect(again.body.errors[0].path).toBe('body.sha256');

    // Two declarations racing each other: the second registration is refused and its version removed.
    const other = mp4Bytes(32 * 1024);
    const a = await createUpload(env, { caseNumber, activityId, content: other });
    const b = await createUpload(env, { caseNumber, activityId, content: other });
    expect([a.status, b.status]).toEqual([201, 201]);
    const send = async (uploadId: string) =>
      request(env.app)
        .put(`/evidence-uploads/${uploadId}/content`)
        .set('authorization', await env.auth(users.officerA))
        .set('content-type', 'video/mp4')
        .send(other);
    expect((await send(a.body.uploadId)).status).toBe(201);
    const raced = await send(b.body.uploadId);
    expect(raced.status).toBe(409);
    expect(raced.body.existingEvidenceId).toBeDefined();
    expect(await versionsUnder(env, keyOf(caseId, b.body.uploadId))).toEqual([]);

    // Stated as a distinct original: accepted, and the reason is kept with the evidence and in the audit.
    const reason = '当事人提供的两份原始录像内容相同，分别来自两台设备，均须留存';
    const distinct = await uploadEvidence(env, {
      caseNumber,
      activityId,
      content,
      fileName: '执法记录仪-002.mp4',
      extra: { distinctOriginalReason: reason },
    });
    expect(distinct.res.status).toBe(201);
    expect(distinct.res.body.distinctOriginalReason).toBe(reason);
    const audit = await env.db.auditEvent.findFirstOrThrow({
      where: { action: 'evidence.uploaded', subject: `evidence:${distinct.res.body.id}` },
    });
    expect(audit.details).toMatchObject({ distinctOriginalReason: reason });
    expect(await env.db.evidence.count({ where: { caseId, sha256: sha256(content) } })).toBe(2);

    // Another case may hold the same file without a reason.
    const elsewhere = await openCaseWithActivity(env);
    const there = await uploadEvidence(env, { ...elsewhere, content });
    expect(there.res.status).toBe(201);
  });
});
