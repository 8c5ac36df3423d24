import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { composeService as composeDirectory } from '@sanxiang/directory';
import type { AddressInfo } from 'node:net';
import { createLogger, createTemporalClient, type TRole } from '@sanxiang/shared';
import type { TCaseSummary, TReviewIntakeRequest } from '@sanxiang/shared/src/contracts';
import { lifecycleWorkflowId } from '@sanxiang/shared/src/domain';
import { bearer, createTestDatabase, testStack, type TTestDatabase, testConfig } from '@sanxiang/testing';
import request from 'supertest';
import { createApp, createDomainDeps, type TAppDeps } from '../src/app';
import type { TCalendarSource } from '../src/data-access/calendar-source';
import { createPrismaClient, type TDb } from '../src/data-access/prisma-client';
import { createDirectoryClient } from '../src/data-access/directory-client';
import { createRecordingClient } from '../src/data-access/recording-client';
import { seedDirectory, testUnitNames } from '../../../test/support/directory-seed';
import type { TDomainDeps } from '../src/domain/deps';
import type { TOutboxDispatcher } from '../src/domain/lifecycle/deliver-outbox';

/** Monday 2 March 2026, 10:00 in Shanghai: no holiday within the next 10 working days. */
export const baseInstant = new Date('2026-03-02T02:00:00Z');

export interface TUser {
  id: string;
  name: string;
  roles: TRole[];
  /** Directory unit: the legal-review office (`test-fazhi`) or the handling unit (`test-unit`). */
  unitId?: 'test-unit' | 'test-fazhi';
}

export const users = {
  system: { id: 'system:worker', name: '流程引擎', roles: ['system'] },
  head: { id: 'u-head', name: '王处长', roles: ['head'], unitId: 'test-fazhi' },
  reviewerA: { id: 'u-reviewer-a', name: '李审核', roles: ['reviewer'], unitId: 'test-fazhi' },
  reviewerB: { id: 'u-reviewer-b', name: '赵审核', roles: ['reviewer'], unitId: 'test-fazhi' },
  /** A reviewer seated in the handling unit (审核办法 §3 forbids them the case). */
  unitReviewer: { id: 'u-reviewer-in-unit', name: '孙监察', roles: ['reviewer'], unitId: 'test-unit' },
  /** Holds both roles: an officer of the case and a reviewer of the office. */
  officerReviewer: {
    id: 'u-officer-2',
    name: '周执法',
    roles: ['officer', 'reviewer'],
    unitId: 'test-fazhi',
  },
  handler: { id: 'u-officer-1', name: '张执法', roles: ['officer'] },
  otherOfficer: { id: 'u-officer-9', name: '钱执法', roles: ['officer'] },
  discloser: { id: 'u-discloser', name: '孙公示', roles: ['discloser'] },
} satisfies Record<string, TUser>;

export const uniqueCaseNumber = () => `常人社监察〔2026〕${randomUUID().slice(0, 8)}号`;

export function intakeBody(caseNumber: string, round = 1, overrides: Partial<TReviewIntakeRequest> = {}) {
  return {
    caseNumber,
    workflowId: lifecycleWorkflowId(caseNumber),
    round,
    cycle: 1,
    submittedBy: users.handler.id,
    submittedAt: '2026-03-01T08:00:00Z',
    officers: [
      { userId: users.handler.id, name: users.handler.name, certificateNumber: '32040012345' },
      { userId: 'u-officer-2', name: '周执法', certificateNumber: '32040012346' },
    ],
    decisionKind: 'penalty',
    summary: '某公司拖欠劳动者工资，拟责令支付并处罚款',
    majorCriteria: ['majorRightsAffected', 'afterHearing'],
    hearingOrAssessmentHeld: true,
    materials: [
      { kind: 'investigationReport', documentId: 'rec-1', title: '调查终结报告' },
      { kind: 'proposedDecision', documentId: 'rec-2', title: '拟作出处罚决定的情况说明' },
      { kind: 'draftDecisionDocument', documentId: 'rec-3', title: '行政处罚决定书（代拟稿）' },
      { kind: 'evidence', documentId: 'ev-1', title: '工资支付记录' },
      { kind: 'hearingOrAssessment', documentId: 'rec-4', title: '听证笔录' },
      { kind: 'otherMaterials', documentId: 'rec-5', title: '其他材料' },
    ],
    ...overrides,
  } satisfies TReviewIntakeRequest;
}

export const allNineFindings = (conclusion: 'noIssue' | 'issueFound' = 'noIssue') =>
  [
    'lawfulSubjectAndPowers',
    'certifiedOfficers',
    'lawfulProcedure',
    'factsAndEvidence',
    'lawAndDiscretion',
    'documentsComplete',
    'audioVisualRecorded',
    'possibleCrime',
    'other',
  ].map((point) => ({ point, conclusion, findings: `经审查，${point} 情况清楚` }));

/** A clock the test moves by hand. */
export function testClock(start = baseInstant) {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (d: Date) => {
      current = new Date(d);
    },
    advance: (ms: number) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/**
 * Stands in for the recording service's endpoints ONLY to check what is delivered to them, and to
 * answer who is on a case (`/internal/cases/{c}/summary`) for the cases a test registers. The real
 * recording service answers it in test/decision-filings.test.ts.
 */
export async function startRecordingStub() {
  const received: { path: string; headers: IncomingMessage['headers']; body: unknown }[] = [];
  const cases = new Map<string, TCaseSummary>();
  let failNext = 0;
  const server: Server = createServer((req, res) => {
    const summary = /^\/internal\/cases\/([^/]+)\/summary$/.exec(req.url ?? '');
    if (req.method === 'GET' && summary) {
      const found = cases.get(decodeURIComponent(summary[1] ?? ''));
      res
        .writeHead(found ? 200 : 404, { 'content-type': 'application/json' })
        .end(JSON.stringify(found ?? { detail: 'no such case' }));
      return;
    }
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    req.on('end', () => {
      if (failNext > 0) {
        failNext -= 1;
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"detail":"down"}');
        return;
      }
      received.push({
        path: decodeURIComponent(req.url ?? ''),
        headers: req.headers,
        body: JSON.parse(data),
      });
      const id = `rec-${received.length}`;
      res
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify(req.url?.endsWith('/escalations') ? { escalationId: id } : { recordId: id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    registerCase: (summary: TCaseSummary) => {
      cases.set(summary.caseNumber, summary);
    },
    failNextRequests: (n: number) => {
      failNext = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface TTestService {
  app: ReturnType<typeof createApp>;
  db: TDb;
  database: TTestDatabase;
  clock: ReturnType<typeof testClock>;
  domain: TDomainDeps;
  outbox: TOutboxDispatcher;
  temporal: ReturnType<typeof createTemporalClient>;
  recordingStub: Awaited<ReturnType<typeof startRecordingStub>>;
  /** The real directory service, seeded with `users`. */
  directoryUrl: string;
  as: (user: TUser) => Promise<{ authorization: string }>;
  close: () => Promise<void>;
}

/** The service in-process over a fresh database, the real Temporal server and a recording stub. */
export async function startTestService(options: { calendar?: TCalendarSource } = {}): Promise<TTestService> {
  const stack = testStack();
  const database = await createTestDatabase('legal-review');
  const db = createPrismaClient(database.url);
  const temporal = createTemporalClient({
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_CODEC_KEYS: stack.temporalCodecKeys,
  });
  const recordingStub = await startRecordingStub();
  const directoryDb = await createTestDatabase('directory');
  const directory = composeDirectory(testConfig('directory', { DATABASE_URL: directoryDb.url }));
  const directoryServer = await new Promise<Server>((resolve) => {
    const s = directory.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const directoryUrl = `http://127.0.0.1:${(directoryServer.address() as AddressInfo).port}`;
  await seedDirectory(directoryUrl, Object.values(users));
  const clock = testClock();
  const config = testConfig('legal-review', {
    DATABASE_URL: database.url,
    SERVICE_URL_RECORDING: recordingStub.url,
    SERVICE_URL_DIRECTORY: directoryUrl,
    // The materials clocks' runs: no worker polls this queue, their history is what tests read.
    TEMPORAL_TASK_QUEUE: `legal-review-clocks-${randomUUID()}`,
  });
  const deps: TAppDeps = {
    config,
    db,
    temporal,
    logger: createLogger({ name: 'legal-review-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    now: clock.now,
    ...(options.calendar ? { calendar: options.calendar } : {}),
    recording: createRecordingClient({ baseUrl: recordingStub.url, token: async () => 'test-system-token' }),
    directory: createDirectoryClient({
      baseUrl: directoryUrl,
      token: async () => (await bearer(users.system)).replace(/^Bearer /, ''),
    }),
  };
  const built = createDomainDeps(deps);
  const app = createApp(deps, built);
  return {
    app,
    db,
    database,
    clock,
    domain: built.domain,
    outbox: built.outbox,
    temporal,
    recordingStub,
    directoryUrl,
    as: async (user) => ({ authorization: await bearer(user) }),
    close: async () => {
      await built.outbox.stop();
      await db.$disconnect();
      await temporal.connection.close();
      await recordingStub.close();
      directoryServer.closeAllConnections();
      await new Promise<void>((resolve) => directoryServer.close(() => resolve()));
      await directory.close();
      await directoryDb.drop();
      await database.drop();
    },
  };
}

/** Intake one round as the workflow's activity does; returns the review id. */
export async function intake(svc: TTestService, body: ReturnType<typeof intakeBody>, key = randomUUID()) {
  // Recording knows the case: its handling unit and officers (checked when a reviewer is assigned).
  svc.recordingStub.registerCase({
    caseNumber: body.caseNumber,
    handlingUnit: testUnitNames['test-unit'],
    status: 'open',
    officers: body.officers.map((o) => ({ userId: o.userId, name: o.name })),
  });
  const res = await request(svc.app)
    .post('/internal/reviews')
    .set(await svc.as(users.system))
    .set('Idempotency-Key', key)
    .send(body);
  if (res.status !== 201) throw new Error(`intake failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.reviewId as string;
}

/** Intake, assign to reviewer A and answer all nine points: ready for an opinion. */
export async function reviewReadyForOpinion(svc: TTestService, caseNumber: string, round = 1) {
  const reviewId = await intake(svc, intakeBody(caseNumber, round));
  const assign = await request(svc.app)
    .put(`/reviews/${reviewId}/assignment`)
    .set(await svc.as(users.head))
    .send({ reviewerId: users.reviewerA.id, reviewerName: users.reviewerA.name });
  if (assign.status !== 200)
    throw new Error(`assign failed: ${assign.status} ${JSON.stringify(assign.body)}`);
  const findings = await request(svc.app)
    .put(`/reviews/${reviewId}/findings`)
    .set(await svc.as(users.reviewerA))
    .send({ findings: allNineFindings() });
  if (findings.status !== 200)
    throw new Error(`findings failed: ${findings.status} ${JSON.stringify(findings.body)}`);
  return reviewId;
}

/** The audit trail of a review: domain actions, or (deliveries: true) the outbox deliveries. */
export const auditActions = async (db: TDb, reviewId: string, options: { deliveries?: boolean } = {}) =>
  (await db.auditEvent.findMany({ where: { subject: `review:${reviewId}` }, orderBy: { id: 'asc' } }))
    .map((e) => e.action)
    .filter((action) => action.startsWith('outbox.') === (options.deliveries ?? false));

/** Poll until `check` returns a value (or time out with the last error). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw lastError;
}
