import request from 'supertest';
import {
  intake,
  intakeBody,
  reviewReadyForOpinion,
  startTestService,
  uniqueCaseNumber,
  users,
  type TTestService,
} from './support';

describe('resubmission rounds (审核办法 §13) and disagreements (§14)', () => {
  let svc: TTestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('links each new round to the previous one and shows the full history to the office and the handler', async () => {
    const caseNumber = uniqueCaseNumber();
    const round1 = await reviewReadyForOpinion(svc, caseNumber);
    const reviewerA = await svc.as(users.reviewerA);
    await request(svc.app)
      .post(`/reviews/${round1}/opinion`)
      .set(reviewerA)
      .send({ outcome: 'modify', reasons: '罚款数额超出裁量基准，应予变更' })
      .expect(201);

    // The handling unit disagrees; the offices negotiate; the unit agrees to revise and resubmit.
    const handler = await svc.as(users.handler);
    const objection = await request(svc.app)
      .post(`/reviews/${round1}/disagreements`)
      .set(handler)
      .send({ objection: '当事人有从重情节，罚款数额适当' });
    expect(objection.status).toBe(201);
    const second = await request(svc.app)
      .post(`/reviews/${round1}/disagreements`)
      .set(handler)
      .send({ objection: '再议' });
    expect(second.status).toBe(409);
    const resolved = await request(svc.app)
      .put(`/reviews/${round1}/disagreements/${objection.body.id}/resolution`)
      .set(await svc.as(users.head))
      .send({ outcome: 'resubmissionAgreed', agreement: '经协商，承办机构按裁量基准调整罚款数额后重新送审' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ outcome: 'resubmissionAgreed', resolvedBy: { id: users.head.id } });
    const byHandler = await request(svc.app)
      .put(`/reviews/${round1}/disagreements/${objection.body.id}/resolution`)
      .set(handler)
      .send({ outcome: 'opinionUpheld', agreement: 'x' });
    expect(byHandler.status).toBe(403);

    svc.clock.advance(7 * 24 * 3600_000);
    const round2 = await reviewReadyForOpinion(svc, caseNumber, 2);
    await request(svc.app)
      .post(`/reviews/${round2}/opinion`)
      .set(reviewerA)
      .send({ outcome: 'approve', reasons: '已按裁量基准调整，同意' })
      .expect(201);

    const history = await request(svc.app)
      .get(`/cases/${encodeURIComponent(caseNumber)}/rounds`)
      .set(handler);
    expect(history.status).toBe(200);
    expect(
      history.body.rounds.map((r: { round: number; outcome: string; previousReviewId: string | null }) => [
        r.round,
        r.outcome,
        r.previousReviewId,
      ]),
    ).toEqual([
      [1, 'modify', null],
      [2, 'approve', round1],
    ]);
    expect(history.body.rounds[0].disagreements).toHaveLength(1);
    expect(history.body.rounds[0].opinion.outcomeLabel).toBe('变更');
    // The handler's view leaves out the office's working papers.
    expect(history.body.rounds[0]).not.toHaveProperty('recusals');
    expect(history.body.rounds[0]).not.toHaveProperty('findings');

    const office = await request(svc.app)
      .get(`/cases/${encodeURIComponent(caseNumber)}/rounds`)
      .set(reviewerA);
    expect(office.body.rounds[1].findings).toHaveLength(9);

    // Nobody else learns anything about the case.
    for (const user of [users.otherOfficer]) {
      expect(
        (
          await request(svc.app)
            .get(`/cases/${encodeURIComponent(caseNumber)}/rounds`)
            .set(await svc.as(user))
        ).status,
      ).toBe(404);
      expect(
        (
          await request(svc.app)
            .get(`/reviews/${round1}`)
            .set(await svc.as(user))
        ).status,
      ).toBe(404);
    }
    expect(
      (
        await request(svc.app)
          .get(`/reviews/${round1}`)
          .set(await svc.as(users.discloser))
      ).status,
    ).toBe(403);
  });

  it('records an expert consultation with the review, visible to the office only', async () => {
    const caseNumber = uniqueCaseNumber();
    const reviewId = await intake(
      svc,
      intakeBody(caseNumber, 1, { majorCriteria: ['complexLegalRelations'] }),
    );
    const res = await request(svc.app)
      .post(`/reviews/${reviewId}/expert-consultations`)
      .set(await svc.as(users.head))
      .send({
        expertName: '陈教授',
        organisation: '某大学法学院',
        consultedAt: '2026-03-02T06:00:00+08:00',
        question: '劳务派遣用工责任主体如何认定',
        notes: '用工单位与派遣单位承担连带责任',
      });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ expertName: '陈教授', consultedAt: '2026-03-01T22:00:00.000Z' });
    const office = await request(svc.app)
      .get(`/reviews/${reviewId}`)
      .set(await svc.as(users.reviewerB));
    expect(office.body.consultations).toHaveLength(1);
    const handler = await request(svc.app)
      .get(`/reviews/${reviewId}`)
      .set(await svc.as(users.handler));
    expect(handler.status).toBe(200);
    expect(handler.body).not.toHaveProperty('consultations');
    const bad = await request(svc.app)
      .post(`/reviews/${reviewId}/expert-consultations`)
      .set(await svc.as(users.head))
      .send({ expertName: '', consultedAt: '2026-03-02 14:00', notes: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.consultedAt',
      'body.expertName',
    ]);
  });
});
