import {
  api,
  createHarness,
  draftRequest,
  publishDecision,
  revokingDocument,
  type THarness,
} from './support/harness';

// #13 item 9, withdrawalDecided — 003 (六)「行政执法决定被依法撤销、确认违法或者要求重新作出的，应当
// 及时从信息公示平台撤下原行政执法决定信息，并作出必要的说明」; 004 §14, §16 (未经负责人批准不得发布):
// a withdrawal is requested, checked by someone else and approved by the head, citing the revoking
// or confirming document; its explanation is a real sentence. Real PostgreSQL and Temporal.

let h: THarness;
beforeAll(async () => {
  h = await createHarness();
}, 120_000);
afterAll(async () => h?.close());

const explanation = '经沈阳市人民政府行政复议，原处罚决定被依法撤销，现予撤下。';
const request = (id: string, who: keyof THarness['auth'], body: object) =>
  api(h).post(`/disclosures/${id}/withdrawal-requests`).set('authorization', h.auth[who]).send(body);
const act = (
  id: string,
  requestId: string,
  what: 'check' | 'approval',
  who: keyof THarness['auth'],
  body: object,
) =>
  api(h)
    .post(`/disclosures/${id}/outcome-requests/${requestId}/${what}`)
    .set('authorization', h.auth[who])
    .send(body);
const publicState = async (id: string) => (await api(h).get(`/api/public/decisions/${id}`)).body.state;

describe('withdrawalDecided (003 (六), 004 §14、§16)', () => {
  it('refuses an explanation that is not a sentence, naming the field in Chinese', async () => {
    const id = await publishDecision(h);
    for (const bad of ['原决定撤销', '。。。。。。。。。。。。。。。。', '——！！……，，，，，，，，，，']) {
      const res = await request(id, 'discloserA', {
        reason: 'revoked',
        explanation: bad,
        revokingDocument: revokingDocument(),
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { path: 'body.explanation', message: expect.stringMatching(/^说明：应为完整的一句话/) },
      ]);
    }
  });

  it('requires the revoking or confirming document: 文号, date and authority', async () => {
    const id = await publishDecision(h);
    const none = await request(id, 'discloserA', { reason: 'revoked', explanation });
    expect(none.status).toBe(400);
    expect(none.body.errors[0]).toMatchObject({
      path: 'body.revokingDocument',
      message: '撤销或确认文书：必须填写',
    });
    const partial = await request(id, 'discloserA', {
      reason: 'revoked',
      explanation,
      revokingDocument: { documentNumber: '', date: '2026-11-20' },
    });
    expect(partial.body.errors.map((e: { path: string; message: string }) => e.message)).toEqual([
      '撤销或确认文书的文号：至少 2 个字符',
      '作出撤销或确认的机关：必须填写',
    ]);
    // A document older than the decision (2026-11-02) cannot revoke it: 422 naming the rule.
    const early = await request(id, 'discloserA', {
      reason: 'revoked',
      explanation,
      revokingDocument: { ...revokingDocument(), date: '2026-10-01' },
    });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ rule: 'withdrawalDecided' });
    expect(early.body.detail).toMatch(
      /^不符合“撤下须经审核和负责人批准”规则（003 \(六\)，004 §14、§16）：撤销或确认文书的日期（2026年10月1日）早于原决定日期（2026年11月2日）/,
    );
  });

  it('takes nothing down before the head approves; the requester, an officer or the checker cannot decide it', async () => {
    const id = await publishDecision(
      h,
      draftRequest({ handlerIds: ['u-officer-reviewer', 'u-officer-head'] }),
    );
    const created = await request(id, 'discloserA', {
      reason: 'revoked',
      explanation,
      revokingDocument: revokingDocument(),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      disclosure: { status: 'published' },
      request: {
        kind: 'withdrawal',
        stage: 'awaitingCheck',
        reason: 'revoked',
        revokingDocument: revokingDocument(),
        requestedBy: 'u-discloser-a',
      },
    });
    expect(await publicState(id)).toBe('published');
    const requestId = created.body.request.id as string;
    // One open request at a time.
    expect(
      (
        await request(id, 'discloserB', {
          reason: 'revoked',
          explanation,
          revokingDocument: revokingDocument(),
        })
      ).status,
    ).toBe(409);

    // 职责分离: not the requester, not an officer of the case.
    const own = await act(id, requestId, 'check', 'discloserA', { outcome: 'pass' });
    expect(own.status).toBe(409);
    expect(own.body).toMatchObject({ rule: 'separationOfDuties', reason: 'requester' });
    expect(own.body.detail).toMatch(/^不符合“职责分离”规则.*公示员甲 是该申请的提出人，不能审核该撤下申请/);
    const officer = await act(id, requestId, 'check', 'officerReviewer', { outcome: 'pass' });
    expect(officer.body).toMatchObject({ rule: 'separationOfDuties', reason: 'handlingOfficer' });
    // No approval before the check.
    expect((await act(id, requestId, 'approval', 'head', { outcome: 'approve' })).status).toBe(409);

    const checked = await act(id, requestId, 'check', 'reviewerHead', { outcome: 'pass' });
    expect(checked.status).toBe(200);
    expect(checked.body.request).toMatchObject({ stage: 'awaitingApproval', checkedBy: 'u-reviewer-head' });
    expect(await publicState(id)).toBe('published');

    const byChecker = await act(id, requestId, 'approval', 'reviewerHead', { outcome: 'approve' });
    expect(byChecker.body).toMatchObject({ rule: 'separationOfDuties', reason: 'checker' });
    const byOfficer = await act(id, requestId, 'approval', 'officerHead', { outcome: 'approve' });
    expect(byOfficer.body).toMatchObject({ rule: 'separationOfDuties', reason: 'handlingOfficer' });
    expect((await act(id, requestId, 'approval', 'discloserB', { outcome: 'approve' })).status).toBe(403);

    const approved = await act(id, requestId, 'approval', 'head', { outcome: 'approve', note: '同意撤下' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      disclosure: {
        status: 'withdrawn',
        withdrawal: { reason: 'revoked', explanation, withdrawnBy: 'u-head' },
      },
      request: { stage: 'approved', decidedBy: 'u-head', decisionNote: '同意撤下' },
    });
    expect(await publicState(id)).toBe('withdrawn');

    const detail = await api(h).get(`/disclosures/${id}`).set('authorization', h.auth.head);
    expect(detail.body.outcomeRequests).toHaveLength(1);
    const audit = await api(h).get(`/disclosures/${id}/audit`).set('authorization', h.auth.admin);
    const withdrawn = audit.body.events.find((e: { action: string }) => e.action === 'disclosure.withdrawn');
    expect(withdrawn).toMatchObject({
      actorId: 'u-head',
      details: {
        revokingDocument: revokingDocument(),
        requestedBy: 'u-discloser-a',
        checkedBy: 'u-reviewer-head',
      },
    });
  });

  it('a returned request changes nothing, and a new request may follow', async () => {
    const id = await publishDecision(h);
    const body = { reason: 'confirmedIllegal', explanation, revokingDocument: revokingDocument(2) };
    const first = await request(id, 'discloserA', body);
    const noNote = await act(id, first.body.request.id, 'check', 'reviewer', { outcome: 'return' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.errors[0].message).toBe('备注：退回须写明理由');
    const returned = await act(id, first.body.request.id, 'check', 'reviewer', {
      outcome: 'return',
      note: '文号有误，请核对复议决定书',
    });
    expect(returned.body.request).toMatchObject({ stage: 'returned' });
    expect(await publicState(id)).toBe('published');
    const second = await request(id, 'discloserA', body);
    expect(second.status).toBe(201);
    await act(id, second.body.request.id, 'check', 'reviewer', { outcome: 'pass' });
    const refused = await act(id, second.body.request.id, 'approval', 'head', {
      outcome: 'return',
      note: '待复议决定生效后再撤下',
    });
    expect(refused.body).toMatchObject({
      disclosure: { status: 'published' },
      request: { stage: 'returned' },
    });
    expect(await publicState(id)).toBe('published');
  });
});
