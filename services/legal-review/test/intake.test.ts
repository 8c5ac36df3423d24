import request from 'supertest';
import {
  allNineFindings,
  auditActions,
  intake,
  intakeBody,
  startTestService,
  uniqueCaseNumber,
  users,
  type TTestService,
} from './support';

describe('POST /internal/reviews (intake from the workflow activity)', () => {
  let svc: TTestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('receives the round, stores the 10-working-day due date, and answers repeats with the first answer', async () => {
    const caseNumber = uniqueCaseNumber();
    const body = intakeBody(caseNumber, 1);
    const system = await svc.as(users.system);
    const first = await request(svc.app)
      .post('/internal/reviews')
      .set(system)
      .set('Idempotency-Key', 'wf:review-intake:1')
      .send(body);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ reviewId: expect.any(String), receivedAt: '2026-03-02T02:00:00.000Z' });

    // The activity's retry: same key → the first answer, not a second review.
    svc.clock.advance(5_000);
    const retry = await request(svc.app)
      .post('/internal/reviews')
      .set(system)
      .set('Idempotency-Key', 'wf:review-intake:1')
      .send(body);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);

    // A new key for the same case and round: the natural key answers with the existing review.
    const natural = await request(svc.app)
      .post('/internal/reviews')
      .set(system)
      .set('Idempotency-Key', 'other-key')
      .send(body);
    expect(natural.status).toBe(200);
    expect(natural.body).toEqual(first.body);

    // The same key for a different request is refused.
    const reused = await request(svc.app)
      .post('/internal/reviews')
      .set(system)
      .set('Idempotency-Key', 'wf:review-intake:1')
      .send({ ...body, round: 2 });
    expect(reused.status).toBe(422);
    expect(reused.body.errors).toEqual([
      { path: 'headers.idempotency-key', message: 'Idempotency-Key 请求头：已用于内容不同的请求' },
    ]);

    expect(await svc.db.review.count({ where: { caseNumber } })).toBe(1);
    const detail = await request(svc.app)
      .get(`/reviews/${first.body.reviewId}`)
      .set(await svc.as(users.reviewerA));
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      caseNumber,
      round: 1,
      status: 'pending',
      clock: 'running',
      // Mon 2 March 2026 is the start day (not counted); 10 working days → Mon 16 March.
      dueDate: '2026-03-16',
      dueAt: '2026-03-16T16:00:00.000Z',
      // The workflow's reminder: 2 working days before, 09:00 Beijing time.
      remindAt: '2026-03-12T01:00:00.000Z',
      dueProvisional: false,
      missingMaterials: [],
      previousReviewId: null,
    });
    expect(detail.body.materials).toHaveLength(6);
    expect(await auditActions(svc.db, first.body.reviewId)).toEqual(['review.received']);
    const audit = await svc.db.auditEvent.findFirstOrThrow({
      where: { subject: `review:${first.body.reviewId}` },
    });
    expect(audit).toMatchObject({ actorId: users.system.id, actorName: users.system.name });
  });

  it('answers concurrent deliveries of the same round with one review', async () => {
    const caseNumber = uniqueCaseNumber();
    const system = await svc.as(users.system);
    const results = await Promise.all(
      [1, 2, 3].map((i) =>
        request(svc.app)
          .post('/internal/reviews')
          .set(system)
          .set('Idempotency-Key', `${encodeURIComponent(caseNumber)}:review-intake:1:${i}`)
          .send(intakeBody(caseNumber)),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((r) => r.body.reviewId)).size).toBe(1);
    expect(await svc.db.review.count({ where: { caseNumber } })).toBe(1);
  });

  it('answers bad input with problem+json naming the fields', async () => {
    const caseNumber = uniqueCaseNumber();
    const res = await request(svc.app)
      .post('/internal/reviews')
      .set(await svc.as(users.system))
      .send({
        ...intakeBody(caseNumber),
        round: 0,
        majorCriteria: [],
        materials: [{ kind: 'photo', documentId: 'x', title: 't' }],
      });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.majorCriteria',
      'body.materials.0.kind',
      'body.round',
    ]);
    const wrongWorkflow = await request(svc.app)
      .post('/internal/reviews')
      .set(await svc.as(users.system))
      .send({ ...intakeBody(caseNumber), workflowId: 'case-lifecycle:another' });
    expect(wrongWorkflow.status).toBe(400);
    expect(wrongWorkflow.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.workflowId']);
    const badKey = await request(svc.app)
      .post('/internal/reviews')
      .set(await svc.as(users.system))
      .set('Idempotency-Key', ' ')
      .send(intakeBody(caseNumber));
    expect(badKey.status).toBe(400);
    expect(badKey.body.errors.map((e: { path: string }) => e.path)).toEqual(['headers.idempotency-key']);
  });

  it('is for the workflow only', async () => {
    const body = intakeBody(uniqueCaseNumber());
    expect((await request(svc.app).post('/internal/reviews').send(body)).status).toBe(401);
    for (const user of [users.reviewerA, users.head, users.handler]) {
      const res = await request(svc.app)
        .post('/internal/reviews')
        .set(await svc.as(user))
        .send(body);
      expect(res.status).toBe(403);
    }
  });

  it('flags a submission without a required kind and refuses an opinion until it comes', async () => {
    const caseNumber = uniqueCaseNumber();
    const body = intakeBody(caseNumber, 1, {
      materials: intakeBody(caseNumber).materials.filter((m) => m.kind !== 'hearingOrAssessment'),
    });
    const reviewId = await intake(svc, body);
    const detail = await request(svc.app)
      .get(`/reviews/${reviewId}`)
      .set(await svc.as(users.head));
    expect(detail.body.missingMaterials).toEqual(['hearingOrAssessment']);

    const reviewer = await svc.as(users.reviewerA);
    await request(svc.app)
      .put(`/reviews/${reviewId}/assignment`)
      .set(reviewer)
      .send({ reviewerId: users.reviewerA.id, reviewerName: users.reviewerA.name })
      .expect(200);
    await request(svc.app)
      .put(`/reviews/${reviewId}/findings`)
      .set(reviewer)
      .send({ findings: allNineFindings() })
      .expect(200);
    const opinion = await request(svc.app)
      .post(`/reviews/${reviewId}/opinion`)
      .set(reviewer)
      .send({ outcome: 'approve', reasons: '同意' });
    expect(opinion.status).toBe(409);
    expect(opinion.body).toMatchObject({ reason: 'materialsIncomplete', missing: ['hearingOrAssessment'] });
    expect(opinion.body.detail).toContain('听证笔录或评估报告');
  });
});
