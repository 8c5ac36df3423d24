import {
  api,
  createHarness,
  draftRequest,
  publishDecision,
  revokingDocument,
  step,
  type THarness,
} from './support/harness';

// #13 item 6, revokedBeforePublication — 003 (六)「行政执法决定被依法撤销、确认违法或者要求重新作出的，
// 应当及时从信息公示平台撤下原行政执法决定信息，并作出必要的说明」, 004 §14: a decision revoked before it
// was published ends its pending record unpublished, with the explanation (POST
// /internal/disclosures/{id}/revocation, called by the lifecycle). Real PostgreSQL.

let h: THarness;
beforeAll(async () => {
  h = await createHarness();
}, 120_000);
afterAll(async () => h?.close());

const explanation = '复议机关以认定事实不清为由撤销该行政处罚决定，原决定不再公开。';
const stop = (id: string, req: ReturnType<typeof draftRequest>, who: keyof THarness['auth'] = 'system') =>
  api(h)
    .post(`/internal/disclosures/${id}/revocation`)
    .set('authorization', h.auth[who])
    .send({
      workflowId: req.workflowId,
      cycle: req.cycle,
      reason: 'revoked',
      document: revokingDocument(3),
      explanation,
      recordedBy: 'u-officer',
    });

describe('revokedBeforePublication (003 (六), 004 §14)', () => {
  it('ends a draft in review unpublished with the explanation; a repeat answers the same; nothing is public', async () => {
    const req = draftRequest();
    const created = await api(h).post('/internal/disclosures').set('authorization', h.auth.system).send(req);
    const id = created.body.disclosureId as string;
    await step(h, id, 'submit', 'discloserA', { version: 1 });
    expect((await stop(id, req, 'discloserA')).status).toBe(403);
    const first = await stop(id, req);
    expect(first.status).toBe(200);
    const again = await stop(id, req);
    expect(again.body).toEqual(first.body);
    const detail = await api(h).get(`/disclosures/${id}`).set('authorization', h.auth.head);
    expect(detail.body).toMatchObject({ status: 'withdrawn', reviewStage: null, publishedAt: null });
    const audit = await api(h).get(`/disclosures/${id}/audit`).set('authorization', h.auth.head);
    expect(audit.body.events.at(-1)).toMatchObject({
      action: 'disclosure.revokedBeforePublication',
      details: expect.objectContaining({
        reason: 'revoked',
        explanation,
        revokingDocument: revokingDocument(3),
      }),
    });
    // The review cannot go on, and the workflow's publish call is refused.
    const check = await api(h)
      .post(`/disclosures/${id}/check`)
      .set('authorization', h.auth.reviewer)
      .send({ version: 1, outcome: 'pass' });
    expect(check.status).toBe(409);
    const publish = await api(h)
      .post(`/internal/disclosures/${id}/publish`)
      .set('authorization', h.auth.system)
      .send({ workflowId: req.workflowId, cycle: 1 });
    expect(publish.status).toBe(409);
    expect((await api(h).get(`/api/public/decisions/${id}`)).status).toBe(404);
  });

  it('closes the pending non-publication request of an exempt plan', async () => {
    const req = draftRequest({
      disclosure: {
        mode: 'exempt',
        reason: 'tradeSecret',
        explanation: '决定书主要内容涉及当事人的商业秘密。',
      },
    });
    const created = await api(h).post('/internal/disclosures').set('authorization', h.auth.system).send(req);
    const { disclosureId: id, nonPublicationRequestId: requestId } = created.body as {
      disclosureId: string;
      nonPublicationRequestId: string;
    };
    expect((await stop(id, req)).status).toBe(200);
    const detail = await api(h).get(`/disclosures/${id}`).set('authorization', h.auth.head);
    expect(detail.body.status).toBe('withdrawn');
    const check = await api(h)
      .post(`/disclosures/${id}/outcome-requests/${requestId}/check`)
      .set('authorization', h.auth.reviewer)
      .send({ outcome: 'pass' });
    expect(check.status).toBe(409);
  });

  it('refuses a published decision: its withdrawal is requested, checked and approved (409)', async () => {
    const req = draftRequest();
    const id = await publishDecision(h, req);
    const res = await stop(id, req);
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('撤下申请');
  });
});
