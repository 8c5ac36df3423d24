import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  caseBody,
  startRecordingTestEnv,
  uniqueCaseNumber,
  users,
  type TRecordingTestEnv,
} from './support/recording-test-env';

// 待我审批 (GET /approvals/mine): a head's list of the unit's cases at the decision stage that
// still wait for the collective discussion record or the head's approval of the decision.

let env: TRecordingTestEnv;
beforeAll(async () => {
  env = await startRecordingTestEnv();
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

const officers = [users.officerA, users.deputyHead].map((u) => ({
  userId: u.id,
  name: u.name,
  certificateNumber: u.certificateNumber,
}));

async function openCase(): Promise<{ caseNumber: string; workflowId: string }> {
  const caseNumber = uniqueCaseNumber();
  const opened = await request(env.app)
    .post('/cases')
    .set('authorization', await env.auth(users.officerA))
    .send(caseBody(caseNumber, { officers }));
  expect(opened.status).toBe(201);
  return { caseNumber, workflowId: opened.body.lifecycle.workflowId };
}

async function moveTo(
  c: { caseNumber: string; workflowId: string },
  from: string,
  to: string,
  at: string,
  round?: number,
) {
  const res = await request(env.app)
    .post(`/internal/cases/${encodeURIComponent(c.caseNumber)}/stage-transitions`)
    .set('authorization', await env.auth(users.system))
    .set('idempotency-key', `stage:${randomUUID()}`)
    .send({ workflowId: c.workflowId, from, to, at, cycle: 1, ...(round ? { round } : {}) });
  expect(res.status).toBe(200);
}

async function file(c: { caseNumber: string }, who: (typeof users)[keyof typeof users], body: object) {
  const res = await request(env.app)
    .post(`/cases/${encodeURIComponent(c.caseNumber)}/records`)
    .set('authorization', await env.auth(who))
    .send(body);
  expect(res.status).toBe(201);
}

async function mine(who: (typeof users)[keyof typeof users]) {
  const res = await request(env.app)
    .get('/approvals/mine')
    .set('authorization', await env.auth(who));
  return res;
}

const discussion = {
  kind: 'collectiveDiscussion',
  content: {
    heldAt: '2026-11-24T09:00:00+08:00',
    place: '支队三楼会议室',
    chair: '赵局长',
    participants: ['赵局长', '陶副队', '张伟'],
    discussion: '案情清楚，证据确凿',
    conclusion: '同意处罚',
  },
};
const approval = (approved: boolean) => ({
  kind: 'headApproval',
  content: { subject: 'decision', approved, opinion: '同意', approvedAt: '2026-11-24T10:00:00+08:00' },
});

it('lists a case at the decision stage until its discussion and approval are on file; only for its unit’s heads', async () => {
  const c = await openCase();
  const other = await openCase(); // stays in investigation: never listed
  const at = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  await moveTo(c, 'investigation', 'legalReview', at(30), 1);

  const still = (await mine(users.head)).body as { caseNumber: string }[];
  expect(still.map((i) => i.caseNumber)).not.toContain(c.caseNumber);

  await moveTo(c, 'legalReview', 'decision', at(20), 1);
  const first = await mine(users.head);
  expect(first.status).toBe(200);
  const item = (first.body as { caseNumber: string }[]).find((i) => i.caseNumber === c.caseNumber);
  expect(item).toMatchObject({
    caseNumber: c.caseNumber,
    partyName: expect.any(String),
    officers: [
      { userId: users.officerA.id, name: users.officerA.name },
      { userId: users.deputyHead.id, name: users.deputyHead.name },
    ],
    since: expect.any(String),
    waitingFor: ['collectiveDiscussion', 'headApproval'],
  });
  expect((first.body as { caseNumber: string }[]).map((i) => i.caseNumber)).not.toContain(other.caseNumber);
  // A deputy head who is one of the case's officers never approves it: only the discussion waits.
  const deputy = (await mine(users.deputyHead)).body as { caseNumber: string; waitingFor: string[] }[];
  expect(deputy.find((i) => i.caseNumber === c.caseNumber)?.waitingFor).toEqual(['collectiveDiscussion']);
  // The head of another unit, an officer, a reviewer: not theirs.
  expect(
    ((await mine(users.otherUnitHead)).body as { caseNumber: string }[]).map((i) => i.caseNumber),
  ).not.toContain(c.caseNumber);
  expect((await mine(users.officerA)).status).toBe(403);

  await file(c, users.head, discussion);
  const after = (await mine(users.head)).body as { caseNumber: string; waitingFor: string[] }[];
  expect(after.find((i) => i.caseNumber === c.caseNumber)?.waitingFor).toEqual(['headApproval']);

  await file(c, users.secondDeputyHead, approval(true));
  const done = (await mine(users.head)).body as { caseNumber: string }[];
  expect(done.map((i) => i.caseNumber)).not.toContain(c.caseNumber);

  // Sent back and decided again (a new decision stage): both steps wait again.
  await moveTo(c, 'decision', 'proposal', at(-1));
  await moveTo(c, 'proposal', 'decision', at(-2), 2);
  const again = (await mine(users.head)).body as { caseNumber: string; waitingFor: string[] }[];
  expect(again.find((i) => i.caseNumber === c.caseNumber)?.waitingFor).toEqual([
    'collectiveDiscussion',
    'headApproval',
  ]);
}, 60_000);
