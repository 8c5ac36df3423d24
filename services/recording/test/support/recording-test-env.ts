import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { NativeConnection, Worker } from '@temporalio/worker';
import request from 'supertest';
import {
  createLogger,
  createTemporalClient,
  lifecycleWorkflowId,
  temporalDataConverter,
} from '@sanxiang/shared';
import {
  bearer,
  cachedWorkflowBundle,
  createTestDatabase,
  testStack,
  type TTestUser,
  testConfig,
} from '@sanxiang/testing';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeService as composeDirectory } from '@sanxiang/directory';
import { seedDirectory, testEnforcementScope } from '../../../../test/support/directory-seed';
import { createApp, type TAppDeps } from '../../src/app';
import {
  createEvidenceStore,
  createS3Client,
  type TEvidenceStore,
} from '../../src/data-access/evidence-store';
import { createPrismaClient } from '../../src/data-access/prisma-client';
import type { TEvidenceSettings } from '../../src/domain/recording-deps';
import { probeQuery, type TProbeEntry } from './probe-lifecycle-workflow';

/**
 * The recording service built in-process against the real test stack: a fresh database with the
 * migrations applied, the real MinIO bucket (short retention, unique keys), the real Temporal dev
 * server with a probe workflow on a task queue of its own.
 */

export const users = {
  officerA: {
    id: 'u-officer-a',
    name: '张三',
    roles: ['officer'],
    unitId: 'test-unit',
    certificateNumber: '32010001',
  },
  officerB: {
    id: 'u-officer-b',
    name: '李四',
    roles: ['officer'],
    unitId: 'test-unit',
    certificateNumber: '32010002',
  },
  /** An officer of the same unit who is not on the test cases. */
  otherOfficer: {
    id: 'u-officer-c',
    name: '王五',
    roles: ['officer'],
    unitId: 'test-unit',
    certificateNumber: '32010003',
  },
  /** An officer of another enforcement unit (authorisation by unit). */
  otherUnitOfficer: {
    id: 'u-officer-d',
    name: '马六',
    roles: ['officer'],
    unitId: 'test-unit-b',
    certificateNumber: '32010005',
  },
  head: { id: 'u-head', name: '赵局长', roles: ['head'], unitId: 'test-unit' },
  /** A second deputy head of the unit, not an officer of the test cases. */
  secondDeputyHead: { id: 'u-deputy-head-2', name: '陶副队', roles: ['head'], unitId: 'test-unit' },
  /** The head of another enforcement unit: approves nothing of test-unit's cases. */
  otherUnitHead: { id: 'u-head-b', name: '冯队长', roles: ['head'], unitId: 'test-unit-b' },
  /** A deputy head who is also an enforcement officer (separation of duties, 审核办法 §3). */
  deputyHead: {
    id: 'u-deputy-head',
    name: '黄副队',
    roles: ['head', 'officer'],
    unitId: 'test-unit',
    certificateNumber: '32010004',
  },
  /** The head of the legal-review office, a reviewer too (审核办法 §3). */
  reviewerHead: { id: 'u-reviewer-head', name: '吴处长', roles: ['reviewer', 'head'], unitId: 'test-fazhi' },
  reviewer: { id: 'u-reviewer', name: '钱审核', roles: ['reviewer'], unitId: 'test-fazhi' },
  discloser: { id: 'u-discloser', name: '孙公示', roles: ['discloser'], unitId: 'test-fazhi' },
  admin: { id: 'u-admin', name: '周管理', roles: ['admin'], unitId: 'test-fazhi' },
  system: { id: 'system:worker', name: '流程引擎', roles: ['system'] },
} satisfies Record<string, TTestUser>;

/** Ten minutes: long enough to test the lock, short enough that test objects expire soon. */
export const testRetentionDays = 10 / (24 * 60);

export interface TRecordingTestEnv {
  app: ReturnType<typeof createApp>;
  deps: TAppDeps;
  db: TAppDeps['db'];
  store: TEvidenceStore;
  s3: ReturnType<typeof createS3Client>;
  bucket: string;
  databaseUrl: string;
  taskQueue: string;
  /** The real directory service beside it, with the users above and their certificates. */
  directoryUrl: string;
  auth(user: TTestUser): Promise<string>;
  probe(caseNumber: string): Promise<TProbeEntry[]>;
  /** Another app on the same database with different dependencies (e.g. an unreachable store). */
  appWith(overrides: Partial<TAppDeps>): ReturnType<typeof createApp>;
  stop(): Promise<void>;
}

export async function startRecordingTestEnv(
  evidence: Partial<TEvidenceSettings> = {},
): Promise<TRecordingTestEnv> {
  const stack = testStack();
  const database = await createTestDatabase('recording');
  const db = createPrismaClient(database.url);
  const directoryDb = await createTestDatabase('directory');
  const directory = composeDirectory(testConfig('directory', { DATABASE_URL: directoryDb.url }));
  const directoryServer = await new Promise<Server>((resolve) => {
    const s = directory.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const directoryUrl = `http://127.0.0.1:${(directoryServer.address() as AddressInfo).port}`;
  await seedDirectory(directoryUrl, Object.values(users));
  const taskQueue = `recording-test-${randomUUID()}`;
  const connection = await NativeConnection.connect({ address: stack.temporalAddress });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle: await cachedWorkflowBundle(path.join(__dirname, 'probe-lifecycle-workflow.ts')),
    dataConverter: temporalDataConverter({ TEMPORAL_CODEC_KEYS: stack.temporalCodecKeys }),
  });
  const workerRun = worker.run();
  const temporal = createTemporalClient({
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_CODEC_KEYS: stack.temporalCodecKeys,
  });
  const s3Settings = {
    S3_ENDPOINT: stack.s3.endpoint,
    S3_REGION: stack.s3.region,
    S3_ACCESS_KEY: stack.s3.accessKey,
    S3_SECRET_KEY: stack.s3.secretKey,
    S3_EVIDENCE_BUCKET: stack.s3.bucket,
  };
  // `s3` is the root client the tests use to play the attacker; the service itself reaches MinIO as
  // its least-privilege user when the stack created one (scripts/stack/ensure-bucket.ts), as under
  // `npm start` and docker-compose.
  const s3 = createS3Client(s3Settings);
  const own = process.env.S3_RECORDING_ACCESS_KEY && process.env.S3_RECORDING_SECRET_KEY;
  const serviceS3 = own
    ? createS3Client({
        ...s3Settings,
        S3_ACCESS_KEY: process.env.S3_RECORDING_ACCESS_KEY!,
        S3_SECRET_KEY: process.env.S3_RECORDING_SECRET_KEY!,
      })
    : s3;
  const store = createEvidenceStore(serviceS3, stack.s3.bucket);
  const config = testConfig('recording', {
    DATABASE_URL: database.url,
    TEMPORAL_TASK_QUEUE: taskQueue,
    EVIDENCE_RETENTION_DAYS: String(1 / 24),
    SERVICE_URL_DIRECTORY: directoryUrl,
  });
  const logger = createLogger({ name: 'recording-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const deps: TAppDeps = {
    config,
    db,
    temporal,
    logger,
    store,
    evidence: { retentionDays: testRetentionDays, minPartSize: 5 * 1024 * 1024, ...evidence },
  };
  const app = createApp(deps);
  const startedCases = new Set<string>();
  return {
    app,
    deps,
    db,
    store,
    s3,
    bucket: stack.s3.bucket,
    databaseUrl: database.url,
    taskQueue,
    directoryUrl,
    auth: (user) => bearer(user),
    async probe(caseNumber) {
      startedCases.add(caseNumber);
      return temporal.client.workflow.getHandle(lifecycleWorkflowId(caseNumber)).query(probeQuery);
    },
    appWith: (overrides) => createApp({ ...deps, ...overrides }),
    async stop() {
      // Leave nothing running on the shared Temporal server.
      const cases = await db.caseFile.findMany({ select: { caseNumber: true } });
      for (const { caseNumber } of cases) {
        await temporal.client.workflow
          .getHandle(lifecycleWorkflowId(caseNumber))
          .terminate('test finished')
          .catch(() => undefined);
      }
      worker.shutdown();
      await workerRun;
      await connection.close();
      await temporal.connection.close();
      await db.$disconnect();
      await database.drop();
      directoryServer.closeAllConnections();
      await new Promise<void>((resolve) => directoryServer.close(() => resolve()));
      await directory.close();
      await directoryDb.drop();
    },
  };
}

/** The handler's answer to each of the six criteria (审核办法 §4): those given apply. */
export const majorAssessment = (applying: readonly string[] = []) =>
  [
    'majorPublicInterest',
    'majorSocialImpact',
    'majorRightsAffected',
    'afterHearing',
    'complexLegalRelations',
    'requiredByLaw',
  ].map((criterion) => ({
    criterion,
    applies: applying.includes(criterion),
    reason: applying.includes(criterion) ? '经逐项核查，属于该情形' : '经逐项核查，不属于该情形',
  }));

/** A case number no other test run uses (workflow ids are global on the shared Temporal server). */
export const uniqueCaseNumber = () => `常人社监察〔2026〕T${randomUUID().slice(0, 8)}号`;

export const caseBody = (caseNumber: string, overrides: Record<string, unknown> = {}) => ({
  caseNumber,
  title: '拖欠劳动报酬',
  handlingUnit: '常州市劳动保障监察支队',
  ...testEnforcementScope,
  party: { kind: 'legalPerson', name: '某某建筑工程有限公司', idNumber: '91320400MA1XXXXX' },
  officers: [
    {
      userId: users.officerA.id,
      name: users.officerA.name,
      certificateNumber: users.officerA.certificateNumber,
    },
    {
      userId: users.officerB.id,
      name: users.officerB.name,
      certificateNumber: users.officerB.certificateNumber,
    },
  ],
  ...overrides,
});

/** Opens a case and starts an activity in it; returns their ids. */
export async function openCaseWithActivity(env: TRecordingTestEnv, kind = 'siteInspection') {
  const caseNumber = uniqueCaseNumber();
  const opened = await request(env.app)
    .post('/cases')
    .set('authorization', await env.auth(users.officerA))
    .send(caseBody(caseNumber));
  if (opened.status !== 201) throw new Error(`open case: ${opened.status} ${JSON.stringify(opened.body)}`);
  const activity = await request(env.app)
    .post(`/cases/${encodeURIComponent(caseNumber)}/activities`)
    .set('authorization', await env.auth(users.officerA))
    .send({
      kind,
      title: '现场检查工地',
      place: '常州市新北区某工地',
      startedAt: '2026-11-20T09:00:00+08:00',
    });
  if (activity.status !== 201)
    throw new Error(`start activity: ${activity.status} ${JSON.stringify(activity.body)}`);
  return { caseNumber, caseId: opened.body.id as string, activityId: activity.body.id as string };
}

/** Waits until `check` passes (for facts delivered asynchronously, e.g. workflow signals). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/**
 * 出示执法证件 in an activity (000 §10, 004 §5, 记录规定 §9(一)): both test officers, with the
 * certificate numbers the case was opened with. Needed before the activity can end.
 */
export async function showCertificates(
  env: TRecordingTestEnv,
  caseNumber: string,
  activityId: string,
  shownAt = '2026-11-20T09:00:00+08:00',
) {
  const res = await request(env.app)
    .post(`/cases/${encodeURIComponent(caseNumber)}/records`)
    .set('authorization', await env.auth(users.officerA))
    .send({
      kind: 'certificateShown',
      activityId,
      content: {
        shownAt,
        place: '常州市新北区某工地',
        officers: [
          { name: users.officerA.name, certificateNumber: users.officerA.certificateNumber },
          { name: users.officerB.name, certificateNumber: users.officerB.certificateNumber },
        ],
        shownTo: '某某建筑工程有限公司项目经理',
      },
    });
  if (res.status !== 201) throw new Error(`certificateShown: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; seq: number };
}
