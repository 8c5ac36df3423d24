/**
 * Benchmark: evidence uploads through the recording service (real HTTP to the service running as a
 * child process, so that its memory is measured on its own) next to the same files uploaded
 * directly to MinIO with the `minio` client, in one run:
 *
 * 1. one 1 GiB file, the service and the direct upload interleaved (`--rounds`): throughput ratio
 *    (target: ours ≥ 80 % of direct) and the service's peak resident memory growth (target < 64 MiB);
 * 2. 8 concurrent uploads of 256 MiB files (`--concurrent`, `--concurrent-size-mib`), all at once
 *    through the service, then all at once directly: aggregate throughput ratio (target ≥ 80 %) and
 *    the service's peak RSS growth over the concurrent uploads (target ≤ 128 MiB).
 *
 *   source .local/test/env.sh && npx tsx services/recording/bench/evidence-upload.ts [--quick]
 *     [--rounds 1] [--size-mib 1024] [--concurrent 8] [--concurrent-size-mib 256] [--strict]
 *   (or `npm run bench -- recording-upload`). --quick: 64 MiB alone, 8 × 32 MiB at once.
 *
 * Uses the test stack (PostgreSQL, MinIO, Temporal): a fresh database, its own Object Lock bucket
 * `evidence-bench` (retention of one minute; the previous run's expired objects are removed at the
 * start), and a task queue no worker polls (the lifecycle is started and terminated at the end).
 * The test files are written once to .local/bench/ (random bytes: incompressible, like video).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  openSync,
  writeSync,
  closeSync,
} from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { Client as MinioClient } from 'minio';
import { lifecycleWorkflowId, signToken } from '@sanxiang/shared';
import { composeService as composeDirectory } from '@sanxiang/directory';
import { createTestDatabase, testConfig } from '@sanxiang/testing';
import { seedDirectory, testEnforcementScope, testUnitNames } from '../../../test/support/directory-seed';

const MiB = 1024 * 1024;
const root = path.resolve(__dirname, '../../..');
const benchBucket = 'evidence-bench';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '1' },
    'size-mib': { type: 'string' },
    concurrent: { type: 'string', default: '8' },
    'concurrent-size-mib': { type: 'string' },
    quick: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);
const size = Number(values['size-mib'] ?? (values.quick ? 64 : 1024)) * MiB;
const concurrent = Number(values.concurrent);
const concurrentSize = Number(values['concurrent-size-mib'] ?? (values.quick ? 32 : 256)) * MiB;
const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run \`source .local/test/env.sh\` first`);
  return v;
}

/** A test file, made once: an MP4 signature then random bytes (incompressible, like video). */
function benchFile(size: number, tag = ''): { file: string; sha256: string } {
  const dir = path.join(root, '.local/bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `evidence-${size / MiB}mib${tag}.mp4`);
  const sidecar = `${file}.sha256`;
  if (existsSync(file) && statSync(file).size === size && existsSync(sidecar)) {
    return { file, sha256: readFileSync(sidecar, 'utf8').trim() };
  }
  process.stdout.write(`writing ${size / MiB} MiB test file ${path.relative(root, file)} …\n`);
  const hash = createHash('sha256');
  const fd = openSync(file, 'w');
  for (let written = 0; written < size;) {
    const chunk = randomBytes(Math.min(8 * MiB, size - written));
    if (written === 0)
      Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]).copy(chunk);
    writeSync(fd, chunk);
    hash.update(chunk);
    written += chunk.length;
  }
  closeSync(fd);
  const sha256 = hash.digest('hex');
  writeFileSync(sidecar, `${sha256}\n`);
  return { file, sha256 };
}

function minioClient(): MinioClient {
  const url = new URL(env('S3_ENDPOINT'));
  return new MinioClient({
    endPoint: url.hostname,
    port: Number(url.port || 80),
    useSSL: url.protocol === 'https:',
    accessKey: env('S3_ACCESS_KEY'),
    secretKey: env('S3_SECRET_KEY'),
    region: process.env.S3_REGION ?? 'us-east-1',
  });
}

/** The bench bucket with Object Lock; objects of earlier runs whose retention ended are removed. */
async function prepareBucket(minio: MinioClient) {
  if (!(await minio.bucketExists(benchBucket))) {
    await minio.makeBucket(benchBucket, process.env.S3_REGION ?? 'us-east-1', { ObjectLocking: true });
    return;
  }
  const stream = minio.listObjects(benchBucket, '', true, { IncludeVersion: true });
  for await (const o of stream as AsyncIterable<{ name: string; versionId?: string | null }>) {
    await minio
      .removeObject(benchBucket, o.name, { versionId: o.versionId ?? 'null' })
      .catch(() => undefined);
  }
}

async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

function rssKiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

async function json(method: string, url: string, token: string, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status}: ${JSON.stringify(data)}`);
  return data;
}

/** Streams the file as the request body of PUT content; resolves with the answer. */
function putFile(
  url: string,
  token: string,
  file: string,
  contentType: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': contentType,
          'content-length': statSync(file).size,
        },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    createReadStream(file, { highWaterMark: MiB }).pipe(req);
  });
}

async function main() {
  const { file, sha256 } = benchFile(size);
  // Distinct files for the concurrent uploads (a case's evidence is told apart by its hash).
  const concurrentFiles = Array.from({ length: concurrent }, (_, i) =>
    benchFile(concurrentSize, `-${i + 1}`),
  );
  const minio = minioClient();
  await prepareBucket(minio);
  process.env.SANXIANG_TEST_PG_URL ??= env('SANXIANG_PG_ADMIN_URL');
  const database = await createTestDatabase('recording');
  // The directory (in this process): recording checks the officers' certificates when a case opens.
  const directoryDb = await createTestDatabase('directory');
  const directory = composeDirectory(testConfig('directory', { DATABASE_URL: directoryDb.url }));
  const directoryServer = await new Promise<http.Server>((resolve) => {
    const s = directory.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const directoryUrl = `http://127.0.0.1:${(directoryServer.address() as AddressInfo).port}`;
  await seedDirectory(directoryUrl, [
    { id: 'bench-officer', name: '基准测试', roles: ['officer'], certificateNumber: '99990001' },
    { id: 'bench-officer-2', name: '基准测试二', roles: ['officer'], certificateNumber: '99990002' },
  ]);
  const port = await freePort();
  const taskQueue = `bench-${randomUUID()}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'services/recording/src/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        HTTP_PORT: String(port),
        DATABASE_URL: database.url,
        SERVICE_URL_DIRECTORY: directoryUrl,
        S3_EVIDENCE_BUCKET: benchBucket,
        TEMPORAL_TASK_QUEUE: taskQueue,
        EVIDENCE_RETENTION_DAYS: String(1 / (24 * 60)),
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  const caseNumber = `常人社监察〔2026〕B${randomUUID().slice(0, 8)}号`;
  try {
    for (let i = 0; ; i++) {
      const ready = await fetch(`${base}/readyz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ready) break;
      if (i > 300 || child.exitCode !== null) throw new Error('the service did not become ready');
      await new Promise((r) => setTimeout(r, 200));
    }
    const officer = { sub: 'bench-officer', name: '基准测试', cert: '99990001' };
    const token = await signToken({
      secret: env('AUTH_JWT_SECRET'),
      issuer: process.env.AUTH_ISSUER ?? 'sanxiang-local',
      audience: process.env.AUTH_AUDIENCE ?? 'sanxiang',
      subject: officer.sub,
      name: officer.name,
      roles: ['officer'],
      unitId: 'test-unit',
      expiresIn: '2h',
    });
    await json('POST', `${base}/cases`, token, {
      caseNumber,
      title: '基准测试',
      handlingUnit: testUnitNames['test-unit'],
      ...testEnforcementScope,
      party: { kind: 'legalPerson', name: '基准测试公司' },
      officers: [
        { userId: officer.sub, name: officer.name, certificateNumber: officer.cert },
        { userId: 'bench-officer-2', name: '基准测试二', certificateNumber: '99990002' },
      ],
    });
    const activity = await json('POST', `${base}/cases/${encodeURIComponent(caseNumber)}/activities`, token, {
      kind: 'siteInspection',
      title: '基准测试',
      startedAt: new Date().toISOString(),
    });
    const ours = async (f: string, fileSize: number, fileSha: string) => {
      const upload = await json(
        'POST',
        `${base}/cases/${encodeURIComponent(caseNumber)}/evidence-uploads`,
        token,
        {
          activityId: activity.id,
          mediaKind: 'video',
          noPersonalCopyKept: true,
          contentType: 'video/mp4',
          fileName: path.basename(f),
          size: fileSize,
          sha256: fileSha,
        },
      );
      const started = process.hrtime.bigint();
      const res = await putFile(
        `${base}/evidence-uploads/${String(upload.uploadId)}/content`,
        token,
        f,
        'video/mp4',
      );
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (res.status !== 201) throw new Error(`upload through the service → ${res.status}: ${res.body}`);
      return seconds;
    };
    const direct = async (f = file, fileSize = size) => {
      const started = process.hrtime.bigint();
      const key = `direct/${randomUUID()}`;
      await minio.putObject(benchBucket, key, createReadStream(f), fileSize, { 'Content-Type': 'video/mp4' });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      await minio.removeObject(benchBucket, key).catch(() => undefined);
      return seconds;
    };

    // Warm-up (module loading, connection pools): not counted in time or memory.
    const warm = path.join(root, '.local/bench/warm-up.mp4');
    const warmBytes = randomBytes(2 * MiB);
    Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]).copy(warmBytes);
    writeFileSync(warm, warmBytes);
    await ours(warm, warmBytes.length, createHash('sha256').update(warmBytes).digest('hex'));

    const pid = child.pid!;
    const baseline = rssKiB(pid);
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssKiB(pid));
    }, 25);
    const oursSeconds: number[] = [];
    const directSeconds: number[] = [];
    for (let r = 0; r < rounds; r++) {
      oursSeconds.push(await ours(file, size, sha256));
      directSeconds.push(await direct());
      process.stdout.write(
        `round ${r + 1}: service ${oursSeconds[r]!.toFixed(2)} s, direct ${directSeconds[r]!.toFixed(2)} s\n`,
      );
    }
    clearInterval(sampler);
    peak = Math.max(peak, rssKiB(pid));

    const mibps = (seconds: number[]) => size / MiB / (seconds.reduce((a, b) => a + b, 0) / seconds.length);
    const oursRate = mibps(oursSeconds);
    const directRate = mibps(directSeconds);
    const ratio = oursRate / directRate;
    const growthMiB = (peak - baseline) / 1024;

    // ---- concurrent: all at once through the service, then all at once directly --------------
    let concurrentResult: { ours: number; direct: number; growthMiB: number; baseline: number } | undefined;
    if (concurrent > 0) {
      const before = rssKiB(pid);
      let concurrentPeak = before;
      const sampler2 = setInterval(() => {
        concurrentPeak = Math.max(concurrentPeak, rssKiB(pid));
      }, 25);
      const t0 = process.hrtime.bigint();
      await Promise.all(concurrentFiles.map((f) => ours(f.file, concurrentSize, f.sha256)));
      const oursWall = Number(process.hrtime.bigint() - t0) / 1e9;
      clearInterval(sampler2);
      concurrentPeak = Math.max(concurrentPeak, rssKiB(pid));
      const t1 = process.hrtime.bigint();
      await Promise.all(concurrentFiles.map((f) => direct(f.file, concurrentSize)));
      const directWall = Number(process.hrtime.bigint() - t1) / 1e9;
      const total = (concurrent * concurrentSize) / MiB;
      concurrentResult = {
        ours: total / oursWall,
        direct: total / directWall,
        growthMiB: (concurrentPeak - before) / 1024,
        baseline: before / 1024,
      };
      process.stdout.write(
        `${concurrent} at once: service ${oursWall.toFixed(2)} s, direct ${directWall.toFixed(2)} s  [load ${loadavg()}]\n`,
      );
    }

    const verdict = (ok: boolean, good = 'met', bad = 'NOT met') => (ok ? good : bad);
    const lines = [
      `evidence upload benchmark${values.quick ? ' (--quick)' : ''}: ${os.cpus().length} cores, load average ${loadavg()}`,
      `  one ${size / MiB} MiB file, ${rounds} round(s), interleaved:`,
      `    ratio service/direct: ${(ratio * 100).toFixed(1)} % (target ≥ 80 %: ${verdict(ratio >= 0.8)}); ` +
        `service peak RSS growth ${growthMiB.toFixed(1)} MiB (target < 64 MiB: ${verdict(growthMiB < 64)})`,
      `    through the service ${oursRate.toFixed(1)} MiB/s, directly to MinIO ${directRate.toFixed(1)} MiB/s ` +
        `(service RSS before ${(baseline / 1024).toFixed(1)} MiB)`,
    ];
    if (concurrentResult) {
      const c = concurrentResult;
      const cRatio = c.ours / c.direct;
      lines.push(
        `  ${concurrent} × ${concurrentSize / MiB} MiB at once:`,
        `    ratio service/direct (aggregate): ${(cRatio * 100).toFixed(1)} % (target ≥ 80 %: ${verdict(cRatio >= 0.8)}); ` +
          `service peak RSS growth ${c.growthMiB.toFixed(1)} MiB (target ≤ 128 MiB: ${verdict(c.growthMiB <= 128)})`,
        `    through the service ${c.ours.toFixed(1)} MiB/s, directly to MinIO ${c.direct.toFixed(1)} MiB/s ` +
          `(service RSS before ${c.baseline.toFixed(1)} MiB)`,
      );
      if (values.strict && (cRatio < 0.8 || c.growthMiB > 128)) process.exitCode = 1;
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    if (values.strict && (ratio < 0.8 || growthMiB >= 64)) process.exitCode = 1;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await database.drop();
    directoryServer.closeAllConnections();
    await new Promise((r) => directoryServer.close(r));
    await directory.close();
    await directoryDb.drop();
    const connection = await Connection.connect({ address: env('TEMPORAL_ADDRESS') });
    await new TemporalClient({ connection }).workflow
      .getHandle(lifecycleWorkflowId(caseNumber))
      .terminate('benchmark finished')
      .catch(() => undefined);
    await connection.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`benchmark failed: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
