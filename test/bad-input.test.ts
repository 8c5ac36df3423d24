/**
 * Bad bytes in a request are the client's error: a NUL character (in a JSON body, a form, a path or a
 * query), malformed percent-encoding, lone UTF-16 surrogates and a truncated gzip body answer 400
 * problem+json with a Chinese message on every service, the public API and pages included, and
 * never log an ERROR. Each service runs as composed by its composeService, on a fresh database.
 */
import { gzipSync } from 'node:zlib';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import type { Express } from 'express';
import { composeService as composeDirectory } from '@sanxiang/directory';
import { composeService as composeDisclosure } from '@sanxiang/disclosure';
import { composeService as composeLegalReview } from '@sanxiang/legal-review';
import { composeService as composeRecording } from '@sanxiang/recording';
import { bearer, createTestDatabase, testConfig, type TTestDatabase } from '@sanxiang/testing';

interface TLogLine {
  level: number;
  msg?: string;
  err?: unknown;
}
const logLines: TLogLine[] = [];
const captured = () =>
  pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
          logLines.push(JSON.parse(line) as TLogLine);
        done();
      },
    }),
  );

const databases: TTestDatabase[] = [];
const closers: (() => Promise<void>)[] = [];
const apps: Record<'recording' | 'legalReview' | 'disclosure' | 'directory', Express> = {} as never;
let staff: string;

beforeAll(async () => {
  const [recordingDb, legalReviewDb, disclosureDb, directoryDb] = await Promise.all([
    createTestDatabase('recording'),
    createTestDatabase('legal-review'),
    createTestDatabase('disclosure'),
    createTestDatabase('directory'),
  ]);
  databases.push(recordingDb, legalReviewDb, disclosureDb, directoryDb);
  const directory = composeDirectory(testConfig('directory', { DATABASE_URL: directoryDb.url }), {
    logger: captured(),
  });
  closers.push(() => directory.close());
  apps.directory = directory.app;
  const recording = composeRecording(testConfig('recording', { DATABASE_URL: recordingDb.url }), {
    logger: captured(),
  });
  const legalReview = composeLegalReview(
    testConfig('legal-review', {
      DATABASE_URL: legalReviewDb.url,
      SERVICE_URL_RECORDING: 'http://127.0.0.1:9',
    }),
    { logger: captured() },
  );
  const disclosure = composeDisclosure(testConfig('disclosure', { DATABASE_URL: disclosureDb.url }), {
    logger: captured(),
  });
  for (const s of [recording, legalReview, disclosure]) closers.push(() => s.close());
  Object.assign(apps, { recording: recording.app, legalReview: legalReview.app, disclosure: disclosure.app });
  staff = await bearer({
    id: 'u-bad-input',
    name: '张三',
    roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'],
    certificateNumber: '32010012345',
  });
});

afterAll(async () => {
  for (const close of closers) await close();
  await Promise.all(databases.map((d) => d.drop()));
});

beforeEach(() => {
  logLines.length = 0;
});

async function expectBadRequest(res: request.Response) {
  expect({ status: res.status, type: res.type }).toEqual({ status: 400, type: 'application/problem+json' });
  const problem = res.body as { status: number; detail: string };
  expect(problem.status).toBe(400);
  expect(problem.detail).toMatch(/[\u4e00-\u9fff]/);
  // Give pino's stream a turn to flush.
  await new Promise((resolve) => setImmediate(resolve));
  expect(logLines.filter((l) => l.level >= 50)).toEqual([]);
}

const nulInJson = '{"caseNumber":"常人社监察〔2026〕1\\u0000号","title":"a\\u0000b"}';
const loneSurrogate = '{"caseNumber":"常人社监察〔2026〕1号\\ud800","title":"x"}';

// [service, method, path, needs a staff token]
const targets: [keyof typeof apps, string][] = [
  ['recording', '/cases/%00'],
  ['recording', '/cases?stage=%00'],
  ['recording', '/cases/%E0%A4%A'],
  ['recording', '/cases/%ED%A0%80'],
  ['legalReview', '/cases/%00/rounds'],
  ['legalReview', '/reviews?status=%00'],
  ['legalReview', '/reviews/%zz'],
  ['disclosure', '/api/public/decisions?q=%00'],
  ['disclosure', '/api/public/decisions/%00'],
  ['disclosure', '/public?q=%00'],
  ['disclosure', '/public/decisions/%E0%A4%A'],
  ['disclosure', '/public/corrections/status?trackingNumber=%00'],
  ['disclosure', '/disclosures?q=%ED%A0%80'],
  ['directory', '/certificates/%00'],
  ['directory', '/certificates/%E0%A4%A'],
];

describe('bad bytes answer 400, never 500', () => {
  it.each(targets)('%s GET %s', async (service, target) => {
    await expectBadRequest(await request(apps[service]).get(target).set('authorization', staff));
  });

  const bodies: [keyof typeof apps, string][] = [
    ['recording', '/cases'],
    ['legalReview', '/decision-filings'],
    ['disclosure', '/api/public/correction-requests'],
    ['directory', '/certificates'],
  ];
  it.each(bodies)('%s POST %s with NUL in the JSON body', async (service, path) => {
    const res = await request(apps[service])
      .post(path)
      .set('authorization', staff)
      .set('idempotency-key', 'bad-input-nul')
      .set('content-type', 'application/json')
      .send(nulInJson);
    await expectBadRequest(res);
  });

  it.each(bodies)('%s POST %s with a lone surrogate in the JSON body', async (service, path) => {
    const res = await request(apps[service])
      .post(path)
      .set('authorization', staff)
      .set('idempotency-key', 'bad-input-surrogate')
      .set('content-type', 'application/json')
      .send(loneSurrogate);
    await expectBadRequest(res);
  });

  it.each(bodies)('%s POST %s with a truncated gzip body', async (service, path) => {
    const gz = gzipSync(
      Buffer.from(JSON.stringify({ caseNumber: '常人社监察〔2026〕1号', title: 'x'.repeat(500) })),
    );
    const res = await request(apps[service])
      .post(path)
      .set('authorization', staff)
      .set('idempotency-key', 'bad-input-gzip')
      .set('content-type', 'application/json')
      .set('content-encoding', 'gzip')
      .send(gz.subarray(0, gz.length - 12));
    await expectBadRequest(res);
  });

  it('the public correction form with NUL in a field', async () => {
    const res = await request(apps.disclosure)
      .post('/public/corrections')
      .type('form')
      .send('decisionId=00000000-0000-4000-8000-000000000000&requesterName=%00&description=x');
    await expectBadRequest(res);
  });
});

it('well-formed percent-encoding (a Chinese case number, a search word) still passes', async () => {
  const caseNumber = encodeURIComponent('常人社监察〔2026〕99号');
  const byPath = await request(apps.recording).get(`/cases/${caseNumber}`).set('authorization', staff);
  expect(byPath.status).toBe(404);
  const byQuery = await request(apps.disclosure).get(
    `/api/public/decisions?q=${encodeURIComponent('工资 拖欠')}`,
  );
  expect(byQuery.status).toBe(200);
});
