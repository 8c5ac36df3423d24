import { lifecycleWorkflowId } from '@sanxiang/shared/src/domain';
import { api, createHarness, draftRequest, step, type THarness } from './support/harness';
import { startProbe, startProbeWorker } from './support/probe-worker';

// #13 item 2, nonPublicationDecided — 003 (三)「不予公开的…应当…」, 004 §10, §16 (未经负责人批准不得
// 发布), 000 §18: not publishing is decided like publishing — a ground from the closed list and an
// explanation, the check by another person, the head's approval; the exemptions are listed with
// their grounds for the head. Real PostgreSQL and Temporal (a probe stands in for the workflow).

let h: THarness;
let worker: Awaited<ReturnType<typeof startProbeWorker>>;
beforeAll(async () => {
  h = await createHarness();
  worker = await startProbeWorker(h.taskQueue);
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await h?.close();
});

const explanation = '决定书载有第三人的病历等个人隐私，公开将损害其合法权益，经审核不予公开。';
const draft = async (req = draftRequest()) => {
  const res = await api(h).post('/internal/disclosures').set('authorization', h.auth.system).send(req);
  expect(res.status).toBe(201);
  return res.body.disclosureId as string;
};
const ask = (id: string, who: keyof THarness['auth'], body: object) =>
  api(h).post(`/disclosures/${id}/non-publication-requests`).set('authorization', h.auth[who]).send(body);
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

describe('nonPublicationDecided (003 (三), 004 §10、§16, 000 §18)', () => {
  it('needs a ground from the closed list and an explanation that is a sentence', async () => {
    const id = await draft();
    const res = await ask(id, 'discloserA', { reason: 'notConvenient', explanation: '不公开' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.reason', 'body.explanation']);
    expect(res.body.errors[1].message).toMatch(/^说明：应为完整的一句话/);
  });

  it('is checked and approved by others before the decision is recorded exempt; the workflow is told', async () => {
    const req = draftRequest({ handlerIds: ['u-officer-head'] });
    const probe = await startProbe(h.client, h.taskQueue, lifecycleWorkflowId(req.caseNumber));
    try {
      const id = await draft(req);
      const created = await ask(id, 'discloserA', { reason: 'personalPrivacy', explanation });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        disclosure: { status: 'draft' },
        request: { kind: 'nonPublication', stage: 'awaitingCheck', reason: 'personalPrivacy' },
      });
      const requestId = created.body.request.id as string;
      // While it is pending, the decision cannot be sent for publication either.
      const submit = await api(h)
        .post(`/disclosures/${id}/submit`)
        .set('authorization', h.auth.discloserB)
        .send({ version: 1 });
      expect(submit.status).toBe(409);
      // The staff lists find it at each step (the console's 待审核/待批准 tabs of requests).
      const listed = async (outcomeStage: string) =>
        (
          await api(h)
            .get('/disclosures')
            .query({ outcomeStage, caseNumber: req.caseNumber })
            .set('authorization', h.auth.reviewer)
        ).body.items.map((d: { id: string }) => d.id);
      expect(await listed('awaitingCheck')).toEqual([id]);
      expect(await listed('awaitingApproval')).toEqual([]);

      const own = await act(id, requestId, 'check', 'discloserA', { outcome: 'pass' });
      expect(own.body).toMatchObject({ rule: 'separationOfDuties', reason: 'requester' });
      expect(own.body.detail).toContain('不能审核该不予公开申请');
      expect((await act(id, requestId, 'check', 'reviewer', { outcome: 'pass' })).status).toBe(200);
      expect(await listed('awaitingCheck')).toEqual([]);
      expect(await listed('awaitingApproval')).toEqual([id]);
      const byOfficer = await act(id, requestId, 'approval', 'officerHead', { outcome: 'approve' });
      expect(byOfficer.body).toMatchObject({ rule: 'separationOfDuties', reason: 'handlingOfficer' });
      const approved = await act(id, requestId, 'approval', 'head', { outcome: 'approve' });
      expect(approved.status).toBe(200);
      expect(approved.body.disclosure).toMatchObject({
        status: 'exempt',
        exemption: { reason: 'personalPrivacy', explanation, recordedBy: 'u-head' },
      });
      const signals = await probe.waitFor((s) => s.some((x) => x.name === 'disclosureExempted'));
      expect(signals).toEqual([
        {
          name: 'disclosureExempted',
          payload: {
            cycle: 1,
            disclosureId: id,
            reason: 'personalPrivacy',
            explanation,
            exemptedBy: 'u-head',
            at: expect.any(String),
          },
        },
      ]);
      // Nothing reaches the public platform.
      expect((await api(h).get(`/api/public/decisions/${id}`)).status).toBe(404);

      // Listed with its ground for the head (selective non-publication is visible).
      const list = await api(h).get('/exemptions').query({ year: 2026 }).set('authorization', h.auth.head);
      expect(list.status).toBe(200);
      expect(list.body.byReason.personalPrivacy).toBeGreaterThanOrEqual(1);
      expect(list.body.items).toContainEqual(
        expect.objectContaining({
          id,
          reason: 'personalPrivacy',
          reasonLabel: '涉及个人隐私',
          explanation,
          decided: {
            requestedBy: 'u-discloser-a',
            requestedByName: '公示员甲',
            checkedBy: 'u-reviewer',
            checkedByName: '审核员丙',
            approvedBy: 'u-head',
            approvedByName: '负责人丁',
          },
        }),
      );
      expect((await api(h).get('/exemptions').set('authorization', h.auth.officer)).status).toBe(403);
    } finally {
      await probe.terminate();
    }
  });

  it('a returned non-publication leaves the draft to be published as usual', async () => {
    const id = await draft();
    const created = await ask(id, 'discloserA', { reason: 'obstructsEnforcement', explanation });
    const requestId = created.body.request.id as string;
    await act(id, requestId, 'check', 'reviewer', { outcome: 'pass' });
    const returned = await act(id, requestId, 'approval', 'head', {
      outcome: 'return',
      note: '理由不成立，依法应当公开',
    });
    expect(returned.body).toMatchObject({ disclosure: { status: 'draft' }, request: { stage: 'returned' } });
    await step(h, id, 'submit', 'discloserA', { version: 1 });
    await step(h, id, 'check', 'reviewer', { version: 1, outcome: 'pass' });
    // A decision in review for publication cannot be asked to stay unpublished meanwhile.
    expect((await ask(id, 'discloserB', { reason: 'personalPrivacy', explanation })).status).toBe(409);
  });

  // #13 item 2, exemptPlanDecided: a decision whose own plan says 不予公开 (disclosure.mode = exempt)
  // is not recorded exempt at once; the plan becomes a pending request checked and approved like
  // every other non-publication (003 (三), 004 §10、§16).
  it('exemptPlanDecided: an exempt plan is a pending request, checked and approved before the decision is exempt', async () => {
    const plan = {
      mode: 'exempt' as const,
      reason: 'tradeSecret' as const,
      explanation: '决定书主要内容涉及当事人的商业秘密，公开后将损害其合法权益。',
    };
    const req = draftRequest({ handlerIds: ['u-officer-head', 'u-officer-reviewer'], disclosure: plan });
    const probe = await startProbe(h.client, h.taskQueue, lifecycleWorkflowId(req.caseNumber));
    try {
      const res = await api(h).post('/internal/disclosures').set('authorization', h.auth.system).send(req);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        disclosureId: expect.any(String),
        status: 'nonPublicationPending',
        nonPublicationRequestId: expect.any(String),
      });
      const { disclosureId: id, nonPublicationRequestId: requestId } = res.body as {
        disclosureId: string;
        nonPublicationRequestId: string;
      };
      const before = await api(h).get(`/disclosures/${id}`).set('authorization', h.auth.head);
      expect(before.body).toMatchObject({ status: 'draft', exemption: null });
      const repeat = await api(h).post('/internal/disclosures').set('authorization', h.auth.system).send(req);
      expect(repeat.body).toEqual(res.body);
      // Not in the exemptions list, and not publishable, while it is pending.
      const list = async () =>
        (await api(h).get('/exemptions').set('authorization', h.auth.head)).body.items.map(
          (i: { id: string }) => i.id,
        );
      expect(await list()).not.toContain(id);
      const submit = await api(h)
        .post(`/disclosures/${id}/submit`)
        .set('authorization', h.auth.discloserA)
        .send({ version: 1 });
      expect(submit.status).toBe(409);
      // The same separation of duties: an officer of the case can neither check nor approve it.
      const byOfficer = await act(id, requestId, 'check', 'officerReviewer', { outcome: 'pass' });
      expect(byOfficer.body).toMatchObject({ rule: 'separationOfDuties' });
      expect((await act(id, requestId, 'check', 'reviewer', { outcome: 'pass' })).status).toBe(200);
      const approved = await act(id, requestId, 'approval', 'head', { outcome: 'approve' });
      expect(approved.status).toBe(200);
      expect(approved.body.disclosure).toMatchObject({
        status: 'exempt',
        exemption: { reason: 'tradeSecret', explanation: plan.explanation, recordedBy: 'u-head' },
      });
      const signals = await probe.waitFor((s) => s.some((x) => x.name === 'disclosureExempted'));
      expect(signals.map((x) => x.name)).toEqual(['disclosureExempted']);
      expect(await list()).toContain(id);
    } finally {
      await probe.terminate();
    }
  });
});
