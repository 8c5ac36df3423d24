import request from 'supertest';
import {
  allNineFindings,
  auditActions,
  intake,
  intakeBody,
  reviewReadyForOpinion,
  startTestService,
  uniqueCaseNumber,
  users,
  type TTestService,
} from './support';

describe('recusal (回避, 审核办法 §17)', () => {
  let svc: TTestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('takes the declaring reviewer off the case, for every round, and refuses them the opinion', async () => {
    const caseNumber = uniqueCaseNumber();
    const reviewId = await reviewReadyForOpinion(svc, caseNumber);
    const reviewerA = await svc.as(users.reviewerA);
    const head = await svc.as(users.head);

    const declared = await request(svc.app)
      .post(`/reviews/${reviewId}/recusals`)
      .set(reviewerA)
      .send({ reason: '当事人法定代表人系本人近亲属' });
    expect(declared.status).toBe(201);
    expect(declared.body).toMatchObject({
      created: true,
      unassigned: true,
      recusal: { reviewer: { id: users.reviewerA.id } },
    });
    const again = await request(svc.app)
      .post(`/reviews/${reviewId}/recusals`)
      .set(reviewerA)
      .send({ reason: '重复声明' });
    expect(again.status).toBe(200);
    expect(again.body.recusal.reason).toBe('当事人法定代表人系本人近亲属');

    const detail = await request(svc.app).get(`/reviews/${reviewId}`).set(head);
    expect(detail.body).toMatchObject({ status: 'pending', assignee: null });
    expect(detail.body.recusals).toHaveLength(1);

    // The recused reviewer can neither write the opinion nor be assigned again.
    const opinion = await request(svc.app)
      .post(`/reviews/${reviewId}/opinion`)
      .set(reviewerA)
      .send({ outcome: 'approve', reasons: '同意' });
    expect(opinion.status).toBe(409);
    expect(opinion.body).toMatchObject({ code: 'conflict', reason: 'recused' });
    expect(opinion.body.detail).toContain('回避');
    const byHead = await request(svc.app)
      .put(`/reviews/${reviewId}/assignment`)
      .set(head)
      .send({ reviewerId: users.reviewerA.id, reviewerName: users.reviewerA.name });
    expect(byHead.status).toBe(409);
    expect(byHead.body.reason).toBe('recused');
    const self = await request(svc.app)
      .put(`/reviews/${reviewId}/assignment`)
      .set(reviewerA)
      .send({ reviewerId: users.reviewerA.id, reviewerName: users.reviewerA.name });
    expect(self.status).toBe(409);
    const findings = await request(svc.app)
      .put(`/reviews/${reviewId}/findings`)
      .set(reviewerA)
      .send({ findings: allNineFindings() });
    expect(findings.status).toBe(409);

    // Another reviewer takes it over and issues the opinion.
    const reviewerB = await svc.as(users.reviewerB);
    await request(svc.app)
      .put(`/reviews/${reviewId}/assignment`)
      .set(reviewerB)
      .send({ reviewerId: users.reviewerB.id, reviewerName: users.reviewerB.name })
      .expect(200);
    await request(svc.app)
      .put(`/reviews/${reviewId}/findings`)
      .set(reviewerB)
      .send({ findings: allNineFindings() })
      .expect(200);
    const issued = await request(svc.app)
      .post(`/reviews/${reviewId}/opinion`)
      .set(reviewerB)
      .send({ outcome: 'correct', reasons: '未依法告知听证权利，程序不合法' });
    expect(issued.status).toBe(201);
    expect(issued.body.reviewer).toEqual({ id: users.reviewerB.id, name: users.reviewerB.name });

    // The declaration holds for the resubmitted round too.
    const round2 = await intake(svc, intakeBody(caseNumber, 2));
    const assign2 = await request(svc.app)
      .put(`/reviews/${round2}/assignment`)
      .set(head)
      .send({ reviewerId: users.reviewerA.id, reviewerName: users.reviewerA.name });
    expect(assign2.status).toBe(409);

    expect(await auditActions(svc.db, reviewId)).toEqual([
      'review.received',
      'review.assigned',
      'review.findingsRecorded',
      'review.recusalDeclared',
      'review.assigned',
      'review.findingsRecorded',
      'review.opinionIssued',
    ]);
    await svc.outbox.drain();
    expect(await auditActions(svc.db, reviewId, { deliveries: true })).toContain('outbox.filedToCaseFile');
  });

  it('lets only the head assign others, and only the assignee write findings and the opinion', async () => {
    const caseNumber = uniqueCaseNumber();
    const reviewId = await intake(svc, intakeBody(caseNumber));
    const reviewerA = await svc.as(users.reviewerA);
    const toOther = await request(svc.app)
      .put(`/reviews/${reviewId}/assignment`)
      .set(reviewerA)
      .send({ reviewerId: users.reviewerB.id, reviewerName: users.reviewerB.name });
    expect(toOther.status).toBe(403);
    await request(svc.app)
      .put(`/reviews/${reviewId}/assignment`)
      .set(reviewerA)
      .send({ reviewerId: users.reviewerA.id, reviewerName: users.reviewerA.name })
      .expect(200);
    const grab = await request(svc.app)
      .put(`/reviews/${reviewId}/assignment`)
      .set(await svc.as(users.reviewerB))
      .send({ reviewerId: users.reviewerB.id, reviewerName: users.reviewerB.name });
    expect(grab.status).toBe(409);
    const notMine = await request(svc.app)
      .put(`/reviews/${reviewId}/findings`)
      .set(await svc.as(users.reviewerB))
      .send({ findings: allNineFindings() });
    expect(notMine.status).toBe(403);
    const officer = await request(svc.app)
      .post(`/reviews/${reviewId}/opinion`)
      .set(await svc.as(users.handler))
      .send({ outcome: 'approve', reasons: '同意' });
    expect(officer.status).toBe(403);
  });

  it('checks the nine points before an opinion and will not approve over a found issue', async () => {
    const caseNumber = uniqueCaseNumber();
    const reviewId = await intake(svc, intakeBody(caseNumber));
    const reviewerA = await svc.as(users.reviewerA);
    await request(svc.app)
      .put(`/reviews/${reviewId}/assignment`)
      .set(reviewerA)
      .send({ reviewerId: users.reviewerA.id, reviewerName: users.reviewerA.name })
      .expect(200);
    await request(svc.app)
      .put(`/reviews/${reviewId}/findings`)
      .set(reviewerA)
      .send({ findings: allNineFindings().slice(0, 8) })
      .expect(200);
    const incomplete = await request(svc.app)
      .post(`/reviews/${reviewId}/opinion`)
      .set(reviewerA)
      .send({ outcome: 'approve', reasons: '同意' });
    expect(incomplete.status).toBe(409);
    expect(incomplete.body).toMatchObject({ reason: 'findingsIncomplete', unanswered: ['other'] });

    const duplicate = await request(svc.app)
      .put(`/reviews/${reviewId}/findings`)
      .set(reviewerA)
      .send({ findings: [allNineFindings()[0], allNineFindings()[0]] });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errors[0].path).toBe('body.findings');

    await request(svc.app)
      .put(`/reviews/${reviewId}/findings`)
      .set(reviewerA)
      .send({
        findings: [
          { point: 'factsAndEvidence', conclusion: 'issueFound', findings: '证据不足' },
          allNineFindings()[8],
        ],
      })
      .expect(200);
    const approve = await request(svc.app)
      .post(`/reviews/${reviewId}/opinion`)
      .set(reviewerA)
      .send({ outcome: 'approve', reasons: '同意' });
    expect(approve.status).toBe(409);
    expect(approve.body).toMatchObject({ reason: 'approveWithIssues', points: ['factsAndEvidence'] });
    const missingReasons = await request(svc.app)
      .post(`/reviews/${reviewId}/opinion`)
      .set(reviewerA)
      .send({ outcome: 'rejected', reasons: ' ' });
    expect(missingReasons.status).toBe(400);
    expect(missingReasons.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.outcome',
      'body.reasons',
    ]);
    const supplement = await request(svc.app)
      .post(`/reviews/${reviewId}/opinion`)
      .set(reviewerA)
      .send({ outcome: 'supplementInvestigation', reasons: '证据不足，需补充调查' });
    expect(supplement.status).toBe(201);
    expect(
      supplement.body.findings.find((f: { point: string }) => f.point === 'factsAndEvidence'),
    ).toMatchObject({
      conclusion: 'issueFound',
    });
  });
});
