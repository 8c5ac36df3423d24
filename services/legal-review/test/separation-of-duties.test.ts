import request from 'supertest';
import {
  intake,
  intakeBody,
  startTestService,
  uniqueCaseNumber,
  users,
  type TTestService,
  type TUser,
} from './support';

/**
 * 职责分离: 审核办法 §3 (法制审核机构 apart from the case-handling unit) and §17. The refusals answer
 * 409 (422 for a person the directory does not know) and name the rule.
 */
describe('separation of duties (职责分离, 审核办法 §3、§17)', () => {
  let svc: TTestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(async () => {
    await svc?.close();
  });

  const assign = async (reviewId: string, as: TUser, to: TUser = as) =>
    request(svc.app)
      .put(`/reviews/${reviewId}/assignment`)
      .set(await svc.as(as))
      .send({ reviewerId: to.id, reviewerName: to.name });

  it('审核办法 §3: a handling officer of the case is never its reviewer, though they hold the reviewer role', async () => {
    const reviewId = await intake(svc, intakeBody(uniqueCaseNumber()));
    for (const res of [
      await assign(reviewId, users.head, users.officerReviewer),
      await assign(reviewId, users.officerReviewer),
    ]) {
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ rule: 'separationOfDuties', reason: 'handlingOfficer' });
      expect(res.body.detail).toContain('不符合“职责分离”规则（审核办法 §3、§17）');
      expect(res.body.detail).toContain('周执法 是本案承办人员');
    }
    const row = await svc.db.review.findUniqueOrThrow({ where: { id: reviewId } });
    expect(row.assigneeId).toBeNull();
  });

  it('审核办法 §3: a member of the handling unit is never the reviewer, even when not on the case', async () => {
    const reviewId = await intake(svc, intakeBody(uniqueCaseNumber()));
    const res = await assign(reviewId, users.head, users.unitReviewer);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ rule: 'separationOfDuties', reason: 'handlingUnit' });
    expect(res.body.detail).toContain('孙监察 属于本案承办机构（测试监察支队）');
  });

  it('审核办法 §3: a reviewer the directory does not know cannot be assigned (422)', async () => {
    const reviewId = await intake(svc, intakeBody(uniqueCaseNumber()));
    const res = await assign(reviewId, users.head, { id: 'u-nobody', name: '无名氏', roles: ['reviewer'] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ rule: 'separationOfDuties', reason: 'unknownReviewer' });
  });

  it('审核办法 §3: the office’s own reviewer is assigned, by the head or by taking it', async () => {
    const first = await intake(svc, intakeBody(uniqueCaseNumber()));
    expect((await assign(first, users.head, users.reviewerA)).status).toBe(200);
    const second = await intake(svc, intakeBody(uniqueCaseNumber()));
    const taken = await assign(second, users.reviewerB);
    expect(taken.status).toBe(200);
    expect(taken.body.assignee).toMatchObject({ id: users.reviewerB.id });
  });
});
