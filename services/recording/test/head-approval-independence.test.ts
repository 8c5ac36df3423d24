import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  caseBody,
  startRecordingTestEnv,
  uniqueCaseNumber,
  users,
  type TRecordingTestEnv,
} from './support/recording-test-env';

// 职责分离 (审核办法 §3、§17): the head who approves a case's decision never approves their own
// work — not one of its officers, not the author of its legal-review opinion.

let env: TRecordingTestEnv;
beforeAll(async () => {
  env = await startRecordingTestEnv();
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

const headApproval = {
  kind: 'headApproval',
  content: { subject: 'decision', approved: true, opinion: '同意', approvedAt: '2026-11-24T09:00:00+08:00' },
};

it('审核办法 §3: an officer of the case or its legal reviewer cannot file the head approval; another head can', async () => {
  const caseNumber = uniqueCaseNumber();
  const url = `/cases/${encodeURIComponent(caseNumber)}`;
  const officers = [users.officerA, users.deputyHead].map((u) => ({
    userId: u.id,
    name: u.name,
    certificateNumber: u.certificateNumber,
  }));
  const opened = await request(env.app)
    .post('/cases')
    .set('authorization', await env.auth(users.officerA))
    .send(caseBody(caseNumber, { officers }));
  expect(opened.status).toBe(201);

  const own = await request(env.app)
    .post(`${url}/records`)
    .set('authorization', await env.auth(users.deputyHead))
    .send(headApproval);
  expect(own.status).toBe(409);
  expect(own.body).toMatchObject({ rule: 'separationOfDuties', reason: 'handlingOfficer' });
  expect(own.body.detail).toBe(
    '不符合“职责分离”规则（审核办法 §3、§17）：黄副队 是本案执法人员，不能审批本案',
  );

  const opinion = await request(env.app)
    .post(`/internal/cases/${encodeURIComponent(caseNumber)}/records`)
    .set('authorization', await env.auth(users.system))
    .set('idempotency-key', `lr:${randomUUID()}`)
    .send({
      kind: 'legalReviewOpinion',
      content: {
        reviewId: 'rev-1',
        opinionId: 'op-1',
        round: 1,
        outcome: 'approve',
        reasons: '事实清楚，证据确凿，程序合法',
        // Recorded as if the unit's head had reviewed it (a reviewer is never of the handling unit).
        reviewerId: users.head.id,
        reviewerName: users.head.name,
        issuedAt: '2026-11-23T02:00:00.000Z',
      },
    });
  expect(opinion.status).toBe(201);
  const reviewer = await request(env.app)
    .post(`${url}/records`)
    .set('authorization', await env.auth(users.head))
    .send(headApproval);
  expect(reviewer.status).toBe(409);
  expect(reviewer.body).toMatchObject({ rule: 'separationOfDuties', reason: 'reviewer' });

  // The legal-review office's head reads the reviewed case but is no head of its unit.
  const officeHead = await request(env.app)
    .post(`${url}/records`)
    .set('authorization', await env.auth(users.reviewerHead))
    .send(headApproval);
  expect(officeHead.status).toBe(403);
  expect(officeHead.body.detail).toContain('仅本案承办机构的负责人');
  // A head of another unit: the case is out of reach, answered like a case that does not exist.
  const otherUnit = await request(env.app)
    .post(`${url}/records`)
    .set('authorization', await env.auth(users.otherUnitHead))
    .send(headApproval);
  expect(otherUnit.status).toBe(404);

  const head = await request(env.app)
    .post(`${url}/records`)
    .set('authorization', await env.auth(users.secondDeputyHead))
    .send(headApproval);
  expect(head.status).toBe(201);
});
