import { api, createHarness, draftRequest, step, type THarness, type TUserKey } from './support/harness';

// 职责分离 (审核办法 §3、§17; 内部审核 000 §18, 004 §16): nobody checks or approves their own work.
// The workflow sends the case's officers with the draft (`handlerIds`, from recording).

let h: THarness;
beforeAll(async () => {
  h = await createHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const act = async (id: string, action: 'check' | 'approval', who: TUserKey, body: object) =>
  api(h).post(`/disclosures/${id}/${action}`).set('authorization', h.auth[who]).send(body);

describe('separation of duties in internal review (职责分离, 审核办法 §3)', () => {
  it('审核办法 §3: an officer of the case neither checks nor approves its disclosure, whatever roles they hold', async () => {
    const req = draftRequest({
      handlerIds: ['u-officer-reviewer', 'u-officer-head'],
    });
    const created = await api(h).post('/internal/disclosures').set('authorization', h.auth.system).send(req);
    expect(created.status).toBe(201);
    const id = created.body.disclosureId as string;
    await step(h, id, 'submit', 'discloserA', { version: 1 });

    const check = await act(id, 'check', 'officerReviewer', { version: 1, outcome: 'pass' });
    expect(check.status).toBe(409);
    expect(check.body).toMatchObject({ rule: 'separationOfDuties', reason: 'handlingOfficer' });
    expect(check.body.detail).toBe(
      '不符合“职责分离”规则（审核办法 §3、§17）：执法员己 是本案执法人员，不能审核该版本',
    );

    await step(h, id, 'check', 'reviewer', { version: 1, outcome: 'pass' });
    const approve = await act(id, 'approval', 'officerHead', { version: 1, outcome: 'approve' });
    expect(approve.status).toBe(409);
    expect(approve.body).toMatchObject({ rule: 'separationOfDuties', reason: 'handlingOfficer' });
    expect(approve.body.detail).toContain('副支队长庚 是本案执法人员，不能批准该版本');

    expect(await step(h, id, 'approval', 'head', { version: 1, outcome: 'approve' })).toMatchObject({
      status: 'approved',
    });
  });

  it('审核办法 §3: whoever checked a version does not approve it, though they are a head', async () => {
    const created = await api(h)
      .post('/internal/disclosures')
      .set('authorization', h.auth.system)
      .send(draftRequest());
    const id = created.body.disclosureId as string;
    await step(h, id, 'submit', 'discloserA', { version: 1 });
    await step(h, id, 'check', 'reviewerHead', { version: 1, outcome: 'pass' });
    const own = await act(id, 'approval', 'reviewerHead', { version: 1, outcome: 'approve' });
    expect(own.status).toBe(409);
    expect(own.body).toMatchObject({ rule: 'separationOfDuties', reason: 'checker' });
    expect(own.body.detail).toContain('科长辛 是该版本的审核人，不能批准该版本');
    expect(await step(h, id, 'approval', 'head', { version: 1, outcome: 'approve' })).toMatchObject({
      status: 'approved',
    });
  });
});
