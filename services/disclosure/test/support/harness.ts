import type { TStatisticsSources } from '../../src/data-access/statistics-sources';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { temporalDataConverter } from '@sanxiang/shared';
import type { Express } from 'express';
import request from 'supertest';
import { createLogger } from '@sanxiang/shared';
import { lifecycleWorkflowId } from '@sanxiang/shared/src/domain';
import type { TDisclosureDraftRequest } from '@sanxiang/shared/src/contracts';
import {
  bearer,
  createTestDatabase,
  testStack,
  type TTestDatabase,
  type TTestUser,
  testConfig,
} from '@sanxiang/testing';
import { createApp, type TAppDeps } from '../../src/app';
import { createPrismaClient, type TDb } from '../../src/data-access/prisma-client';
import { createPublicReadPool, type TPublicReadPool } from '../../src/data-access/public-read-pool';
import type { TPublicRateLimit } from '../../src/entry-points/public/rate-limit';

export const users = {
  discloserA: { id: 'u-discloser-a', name: '公示员甲', roles: ['discloser'] },
  discloserB: { id: 'u-discloser-b', name: '公示员乙', roles: ['discloser'] },
  reviewer: { id: 'u-reviewer', name: '审核员丙', roles: ['reviewer'] },
  head: { id: 'u-head', name: '负责人丁', roles: ['head'] },
  officer: { id: 'u-officer', name: '执法员戊', roles: ['officer'] },
  /** Officers of a case who also hold a review role (职责分离, 审核办法 §3). */
  officerReviewer: { id: 'u-officer-reviewer', name: '执法员己', roles: ['officer', 'reviewer'] },
  officerHead: { id: 'u-officer-head', name: '副支队长庚', roles: ['officer', 'head'] },
  reviewerHead: { id: 'u-reviewer-head', name: '科长辛', roles: ['reviewer', 'head'] },
  admin: { id: 'u-admin', name: '管理员', roles: ['admin'] },
  system: { id: 'system:worker', name: '流程引擎', roles: ['system'] },
} satisfies Record<string, TTestUser>;
export type TUserKey = keyof typeof users;

export interface THarness {
  app: Express;
  db: TDb;
  publicReads: TPublicReadPool;
  client: Client;
  connection: Connection;
  database: TTestDatabase;
  taskQueue: string;
  auth: Record<TUserKey, string>;
  close(): Promise<void>;
}

/** A fresh database with the real migrations, the real Temporal dev server, the app in-process. */
export async function createHarness(
  options: {
    publicRateLimit?: TPublicRateLimit;
    extra?: Partial<TAppDeps>;
    /** Config keys besides the database and task queue (e.g. HTTP_TRUST_PROXY, PUBLIC_SITE_*). */
    config?: Record<string, string>;
  } = {},
): Promise<THarness> {
  const stack = testStack();
  const database = await createTestDatabase('disclosure');
  const db = createPrismaClient(database.url);
  const publicReads = createPublicReadPool(database.url, { max: 4 });
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({
    connection,
    namespace: 'default',
    dataConverter: temporalDataConverter({ TEMPORAL_CODEC_KEYS: stack.temporalCodecKeys }),
  });
  const taskQueue = `disclosure-test-${randomUUID()}`;
  const app = createApp({
    config: testConfig('disclosure', {
      DATABASE_URL: database.url,
      TEMPORAL_TASK_QUEUE: taskQueue,
      ...options.config,
    }),
    db,
    publicReads,
    temporal: { client, connection },
    logger: createLogger({ name: 'disclosure-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    publicRateLimit: options.publicRateLimit ?? {
      readLimit: 10_000,
      readWindowMs: 60_000,
      submitLimit: 1000,
      submitWindowMs: 60_000,
    },
    ...options.extra,
  });
  const auth = Object.fromEntries(
    await Promise.all(Object.entries(users).map(async ([k, u]) => [k, await bearer(u)] as const)),
  ) as Record<TUserKey, string>;
  return {
    app,
    db,
    publicReads,
    client,
    connection,
    database,
    taskQueue,
    auth,
    async close() {
      await db.$disconnect();
      await publicReads.end();
      await connection.close();
      await database.drop();
    },
  };
}

let seq = 0;
/** A unique case number per call (案号 with the agency's brackets). */
export const caseNumber = () => `沈人社监〔2026〕${process.pid}${Date.now() % 100000}${(seq += 1)}号`;

export const ID_NUMBER = '210102198805061234';
export const MOBILE = '13912345678';

/** A realistic draft request as the lifecycle workflow sends it. */
export function draftRequest(overrides: Partial<TDisclosureDraftRequest> = {}): TDisclosureDraftRequest {
  const cn = overrides.caseNumber ?? caseNumber();
  return {
    caseNumber: cn,
    workflowId: lifecycleWorkflowId(cn),
    cycle: 1,
    party: { kind: 'legalPerson', name: '沈阳华信建材有限公司' },
    decisionDate: '2026-11-02',
    documentNumber: `沈人社监罚〔2026〕${(seq += 1)}号`,
    decisionKind: 'penalty',
    randomInspection: false,
    publication: {
      enforcementMethod: '现场检查、调取书证',
      content: `经查，该单位拖欠李建国等12名劳动者工资共计86500元。法定代表人王志强（身份证号${ID_NUMBER}，联系电话${MOBILE}）对上述事实无异议。`,
      decision: '责令限期支付劳动者工资86500元，并处罚款人民币20000元。',
      penaltyKind: '罚款',
      legalBasis: '《劳动保障监察条例》第二十六条',
      performance: '自收到决定书之日起15日内缴纳至指定银行',
      issuingAuthority: '沈阳市人力资源和社会保障局',
    },
    disclosure: { mode: 'publish' },
    dueAt: '2026-11-11T15:59:59.999Z',
    ...overrides,
  };
}

export const api = (h: THarness) => request(h.app);

/** Drives a draft through internal review and the workflow's publish call; returns its id. */
export async function publishDecision(
  h: THarness,
  req: TDisclosureDraftRequest = draftRequest(),
): Promise<string> {
  const created = await api(h).post('/internal/disclosures').set('authorization', h.auth.system).send(req);
  if (created.status !== 201)
    throw new Error(`draft failed: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.disclosureId as string;
  await step(h, id, 'submit', 'discloserA', { version: 1 });
  await step(h, id, 'check', 'reviewer', { version: 1, outcome: 'pass' });
  await step(h, id, 'approval', 'head', { version: 1, outcome: 'approve' });
  const published = await api(h)
    .post(`/internal/disclosures/${id}/publish`)
    .set('authorization', h.auth.system)
    .send({ workflowId: req.workflowId, cycle: req.cycle });
  if (published.status !== 200)
    throw new Error(`publish failed: ${published.status} ${JSON.stringify(published.body)}`);
  return id;
}

export async function step(h: THarness, id: string, action: string, who: TUserKey, body: object) {
  const res = await api(h).post(`/disclosures/${id}/${action}`).set('authorization', h.auth[who]).send(body);
  if (res.status !== 200)
    throw new Error(`${action} by ${who} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { status: string; reviewStage: string | null };
}

/** A revoking document (撤销或确认文书) dated after the harness's decisions. */
export const revokingDocument = (n = 1) => ({
  documentNumber: `沈人社复决〔2026〕${n}号`,
  date: '2026-11-20',
  authority: '沈阳市人民政府',
});

/**
 * 撤下 as the rules want it (#13 item 9): discloserA requests, the reviewer checks, the head
 * approves. Returns the approved request's response body.
 */
export async function withdrawDecision(
  h: THarness,
  id: string,
  body: { reason: string; explanation: string; revokingDocument?: object },
  who: { requester?: TUserKey; checker?: TUserKey; approver?: TUserKey } = {},
) {
  const requested = await api(h)
    .post(`/disclosures/${id}/withdrawal-requests`)
    .set('authorization', h.auth[who.requester ?? 'discloserA'])
    .send({ revokingDocument: revokingDocument(), ...body });
  if (requested.status !== 201)
    throw new Error(`withdrawal request failed: ${requested.status} ${JSON.stringify(requested.body)}`);
  const requestId = requested.body.request.id as string;
  await step(h, id, `outcome-requests/${requestId}/check`, who.checker ?? 'reviewer', { outcome: 'pass' });
  return step(h, id, `outcome-requests/${requestId}/approval`, who.approver ?? 'head', {
    outcome: 'approve',
  });
}

/**
 * A decision whose plan says 不予公开 (#13 item 2): the draft comes with a pending non-publication
 * request; the reviewer checks it and the head approves, which records the decision exempt.
 * Returns the disclosure id.
 */
export async function exemptByPlan(h: THarness, req: TDisclosureDraftRequest): Promise<string> {
  const created = await api(h).post('/internal/disclosures').set('authorization', h.auth.system).send(req);
  if (created.status !== 201 || created.body.status !== 'nonPublicationPending')
    throw new Error(`exempt draft failed: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.disclosureId as string;
  const requestId = created.body.nonPublicationRequestId as string;
  await step(h, id, `outcome-requests/${requestId}/check`, 'reviewer', { outcome: 'pass' });
  await step(h, id, `outcome-requests/${requestId}/approval`, 'head', { outcome: 'approve' });
  return id;
}

/** What the other services would count (their own suites and test/e2e/statistics check them). */
export const statisticsSourcesStub: TStatisticsSources = {
  recording: async (period) => ({
    period,
    casesOpened: 7,
    casesClosed: 4,
    evidenceUploaded: 12,
    evidenceUploadedLate: 2,
  }),
  legalReview: async (period) => ({
    period,
    reviewsReceived: 3,
    casesReviewed: 2,
    opinionsIssued: 3,
    opinionsIssuedLate: 1,
    opinionsByKind: { approve: 2, supplementInvestigation: 1, modify: 0, correct: 0, transfer: 0 },
  }),
  inspection: async (period) => ({
    period,
    tasks: 1,
    objectsDrawn: 5,
    results: { noProblem: 3, rectificationOrdered: 1, caseOpened: 1, notFound: 0 },
    pending: 0,
    tasksResultsPublished: 1,
    tasksResultsPublishedLate: 0,
  }),
};
