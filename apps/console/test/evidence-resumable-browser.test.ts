import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client as S3Client } from 'minio';
import { Pool } from 'pg';
import type { Page } from 'playwright-core';
import { bearer, testStack } from '@sanxiang/testing';
import { users } from '../../../scripts/demo/demo-data';
import { openCase, startActivity } from '../../../scripts/demo/support/case-steps';
import { createStaffApi } from '../../../scripts/demo/support/staff-api';
import { pick, screenshot, seriousViolations, useConsoleInBrowser } from './support/browser';

// 断点续传 in real Chromium: an officer uploads a 200 MiB video from the case page, the page is
// reloaded in the middle, the officer chooses the same file again and only the missing parts are
// sent; one connection is cut on the way and the part is sent again. Then, from the server side:
// the object in MinIO is complete and locked, its SHA-256 is the file's, no part stored before the
// reload arrived twice, the evidence is listed once and every step is in the audit trail. A second
// upload is given up after the reload: its parts are discarded, nothing stays in the store.

const MiB = 1024 * 1024;
const SIZE = 200 * MiB;
const caseNumber = `常人社监察〔2026〕${Math.floor(Math.random() * 90_000) + 10_000}号`;
const enc = encodeURIComponent;
const dir = mkdtempSync(path.join(os.tmpdir(), 'evidence-upload-'));
const video = path.join(dir, '执法记录仪-20261201-0930.mp4');
const abandoned = path.join(dir, '询问录音-未完成.mp4');
const hashes: Record<string, string> = {};

/** An MP4 header (ftyp box, as the type check wants) and random bytes, written in 8 MiB slices. */
async function writeVideo(file: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(file);
  for (let written = 0; written < size;) {
    const chunk = randomBytes(Math.min(8 * MiB, size - written));
    if (written === 0)
      Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]).copy(chunk, 0);
    hash.update(chunk);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    written += chunk.length;
  }
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  return hash.digest('hex');
}

let db: Pool;
let caseId = '';
let activityTitle = '';

// Registered before the system's own afterAll, so the pool is closed before its database is dropped.
afterAll(async () => {
  await db?.end();
  rmSync(dir, { recursive: true, force: true });
});

const app = useConsoleInBrowser({
  cases: () => [caseNumber],
  prepare: async (system) => {
    hashes[video] = await writeVideo(video, SIZE);
    hashes[abandoned] = await writeVideo(abandoned, 20 * MiB);
    db = new Pool({ connectionString: system.recordingDatabaseUrl, max: 2 });
    db.on('error', () => undefined); // an idle connection ended by the database's drop
    const api = createStaffApi({ baseUrls: system.urls, authorization: (user) => bearer(user) });
    const opened = await openCase(api, users.zhangWei, {
      caseNumber,
      title: '未按时足额支付劳动报酬',
      handlingUnit: '常州市劳动保障监察支队',
      enforcementCategory: '劳动保障监察',
      enforcementArea: '常州市新北区',
      party: { kind: 'legalPerson', name: '常州市新北区恒顺机械厂', legalRepresentative: '王建军' },
      officers: [users.zhangWei, users.liNa].map((u) => ({
        userId: u.id,
        name: u.name,
        certificateNumber: u.certificateNumber!,
      })),
    });
    caseId = (opened as unknown as { id: string }).id;
    activityTitle = '询问（车间主任）';
    await startActivity(api, users.zhangWei, caseNumber, {
      kind: 'interview',
      title: activityTitle,
      place: '常州市新北区长江北路 18 号',
      startedAt: '2026-12-01T09:30:00+08:00',
    });
  },
});

const uploadOf = async (fileName: string) =>
  (
    await db.query<{ id: string; status: string; objectKey: string; s3UploadId: string | null }>(
      'SELECT id, status, "objectKey", "s3UploadId" FROM "EvidenceUpload" WHERE "caseId" = $1 AND "fileName" = $2',
      [caseId, fileName],
    )
  ).rows;

/** Every receipt of a part, as the service logged it (a part sent twice is logged twice). */
const partReceipts = async (uploadId: string) =>
  (
    await db.query<{ part: number }>(
      `SELECT (details->>'partNumber')::int AS part FROM "AuditEvent"
        WHERE action = 'evidenceUpload.partReceived' AND subject = $1`,
      [`upload:${uploadId}`],
    )
  ).rows.map((r) => r.part);

const storedParts = async (uploadId: string) =>
  (
    await db.query<{ partNumber: number }>(
      'SELECT "partNumber" FROM "EvidenceUploadPart" WHERE "uploadId" = $1 ORDER BY "partNumber"',
      [uploadId],
    )
  ).rows.map((r) => r.partNumber);

/** Waits until the page says that a number of parts matching `saved` are saved (the service's count). */
const untilSaved = (page: Page, saved: RegExp) =>
  page
    .getByRole('list', { name: '上传进度' })
    .getByText(new RegExp(`已保存 ${saved.source} 片`, 'u'))
    .waitFor({ timeout: 300_000 });

async function chooseFile(page: Page, trigger: () => Promise<void>, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await trigger();
  await (await chooser).setFiles(file);
}

async function openEvidenceTab(page: Page) {
  await page.getByRole('heading', { name: caseNumber }).waitFor();
  await page.getByRole('tab', { name: '上传证据' }).click();
}

const s3 = () => {
  const { s3: settings } = testStack();
  const url = new URL(settings.endpoint);
  return {
    client: new S3Client({
      endPoint: url.hostname,
      port: Number(url.port),
      useSSL: false,
      accessKey: settings.accessKey,
      secretKey: settings.secretKey,
      region: settings.region,
    }),
    bucket: settings.bucket,
  };
};

const incompleteUploads = async (prefix: string) => {
  const { client, bucket } = s3();
  const out: { uploadId: string }[] = [];
  for await (const u of client.listIncompleteUploads(bucket, prefix, true) as AsyncIterable<{
    uploadId: string;
  }>)
    out.push(u);
  return out;
};

describe('a 200 MiB video uploaded from the case page survives a reload and a cut connection', () => {
  it('resumes after the reload from the parts already stored, and the stored file is the file', async () => {
    const fileName = path.basename(video);
    const state: { uploadId?: string; beforeReload?: number[] } = {};
    await app.as('zhangwei', `/cases/${enc(caseNumber)}`, async (page) => {
      await openEvidenceTab(page);
      await pick(page, page.getByRole('combobox', { name: '所属执法活动' }), activityTitle);
      await page.getByLabel('说明').fill('询问全程录像');
      await page.getByText('本人未自行保存副本', { exact: false }).click();
      // The connection of part 4 is cut once (as a dropped network would): the part is sent again.
      let cut = false;
      await page.route('**/evidence-uploads/*/parts/4', async (route) => {
        if (cut) return route.continue();
        cut = true;
        await route.abort('connectionreset');
      });
      await chooseFile(
        page,
        () => page.getByText('将录音、录像、照片或文书拖放到此处，或点击选择文件').click(),
        video,
      );
      await untilSaved(page, /([89]|1\d|2[0-4])\/25/u);
      expect(cut).toBe(true);
      // The progress list is in view (it changes too often to be scrolled to as a stable element).
      await screenshot(page, 'evidence-upload-progress');

      // Reloaded mid-upload: the parts in flight are cut, the stored ones stay.
      await page.reload();
      await openEvidenceTab(page);
      const unfinished = page.getByRole('region', { name: '未完成的上传' });
      await unfinished.getByRole('cell', { name: fileName, exact: true }).waitFor();
      const [upload] = await uploadOf(fileName);
      state.uploadId = upload!.id;
      state.beforeReload = await storedParts(upload!.id);
      expect(state.beforeReload.length).toBeGreaterThanOrEqual(8);
      expect(state.beforeReload.length).toBeLessThan(25);
      await unfinished.getByText(new RegExp(`${state.beforeReload.length}/25 片`, 'u')).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'evidence-upload-unfinished', unfinished);

      // The officer chooses the same file again (a browser cannot reopen a file by itself).
      await chooseFile(
        page,
        () => unfinished.getByRole('button', { name: `继续上传 ${fileName}` }).click(),
        video,
      );
      // Only the missing parts go: the progress counts the ones stored before the reload.
      await page
        .getByRole('list', { name: '上传进度' })
        .getByText(/其中 \d+ 片为中断前已保存/u)
        .waitFor({ timeout: 300_000 });
      const evidence = page.locator('.ant-card').filter({ hasText: '证据（1）' });
      await evidence.getByRole('cell', { name: fileName }).waitFor({ timeout: 600_000 });
      await evidence.getByText(/已锁定至|锁定中/u).waitFor();
      expect(await page.getByRole('region', { name: '未完成的上传' }).count()).toBe(0);
      await screenshot(page, 'evidence-upload-done', evidence);
    });

    // ---- the server side ------------------------------------------------------------------
    const uploadId = state.uploadId!;
    const [upload] = await uploadOf(fileName);
    expect(upload!.status).toBe('completed');
    // Each part stored before the reload arrived exactly once (the cut connection of part 4 never
    // reached the service); at most the two parts in flight at the reload may have come twice.
    const receipts = await partReceipts(uploadId);
    const times = (n: number) => receipts.filter((p) => p === n).length;
    for (const n of state.beforeReload!) expect([n, times(n)]).toEqual([n, 1]);
    expect(new Set(receipts).size).toBe(25);
    expect(receipts.length).toBeLessThanOrEqual(25 + 2);

    // The evidence, once, with the file's hash; the download's bytes hash to it as well.
    const api = createStaffApi({ baseUrls: app.system.urls, authorization: (user) => bearer(user) });
    const listed = (
      await api.call<{ id: string; fileName: string; sha256: string; size: number }[]>(
        'recording',
        'GET',
        `/cases/${enc(caseNumber)}/evidence`,
        { as: users.zhangWei },
      )
    ).body;
    expect(listed.filter((e) => e.fileName === fileName)).toHaveLength(1);
    const [item] = listed;
    expect(item).toMatchObject({ sha256: hashes[video], size: SIZE });
    const download = await fetch(`${app.system.urls.recording}/evidence/${item!.id}/content`, {
      headers: { authorization: await bearer(users.zhangWei) },
    });
    expect(download.status).toBe(200);
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of download.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    expect({ bytes, sha256: hash.digest('hex') }).toEqual({ bytes: SIZE, sha256: hashes[video] });

    // MinIO: one complete version under COMPLIANCE retention, no multipart upload left over.
    const row = (
      await db.query<{ objectKey: string; versionId: string }>(
        'SELECT "objectKey", "versionId" FROM "Evidence" WHERE id = $1',
        [item!.id],
      )
    ).rows[0]!;
    const { client, bucket } = s3();
    expect((await client.statObject(bucket, row.objectKey, { versionId: row.versionId })).size).toBe(SIZE);
    expect(
      await client.getObjectRetention(bucket, row.objectKey, { versionId: row.versionId }),
    ).toMatchObject({
      mode: 'COMPLIANCE',
    });
    expect(await incompleteUploads(row.objectKey)).toEqual([]);

    // The audit trail: declared, every part, registered, locked, then listed, viewed, downloaded.
    const actions = (
      await db.query<{ action: string }>(
        `SELECT action FROM "AuditEvent" WHERE subject IN ($1, $2) OR (action = 'evidence.listed' AND "caseId" = $3)`,
        [`upload:${uploadId}`, `evidence:${item!.id}`, caseId],
      )
    ).rows.map((r) => r.action);
    for (const action of [
      'evidenceUpload.created',
      'evidenceUpload.partReceived',
      'evidence.uploaded',
      'evidence.locked',
      'evidence.listed',
      'evidence.downloaded',
    ])
      expect([action, actions.includes(action)]).toEqual([action, true]);
  }, 900_000);

  it('an upload given up after a reload leaves nothing in the store', async () => {
    const fileName = path.basename(abandoned);
    await app.as('zhangwei', `/cases/${enc(caseNumber)}`, async (page) => {
      await openEvidenceTab(page);
      await pick(page, page.getByRole('combobox', { name: '所属执法活动' }), activityTitle);
      await page.getByText('本人未自行保存副本', { exact: false }).click();
      // Parts 2 and 3 never get through (the connection drops each time): the upload stalls at 1/3.
      await page.route(/\/evidence-uploads\/[^/]+\/parts\/[23]$/u, (route) =>
        route.abort('internetdisconnected'),
      );
      await chooseFile(
        page,
        () => page.getByText('将录音、录像、照片或文书拖放到此处，或点击选择文件').click(),
        abandoned,
      );
      await untilSaved(page, /1\/3/u);
      await page.reload();
      await openEvidenceTab(page);
      const unfinished = page.getByRole('region', { name: '未完成的上传' });
      await unfinished.getByRole('cell', { name: fileName, exact: true }).waitFor();
      await unfinished.getByRole('button', { name: `放弃上传 ${fileName}` }).click();
      await page
        .getByRole('button', { name: '放 弃' })
        .or(page.getByRole('button', { name: '放弃', exact: true }))
        .last()
        .click();
      await unfinished.getByRole('cell', { name: fileName, exact: true }).waitFor({ state: 'detached' });
    });
    const [upload] = await uploadOf(fileName);
    expect(upload!.status).toBe('aborted');
    expect(upload!.s3UploadId).not.toBeNull();
    expect(await incompleteUploads(upload!.objectKey)).toEqual([]);
    const evidence = await db.query('SELECT id FROM "Evidence" WHERE "caseId" = $1 AND "fileName" = $2', [
      caseId,
      fileName,
    ]);
    expect(evidence.rows).toHaveLength(0);
  }, 300_000);
});
