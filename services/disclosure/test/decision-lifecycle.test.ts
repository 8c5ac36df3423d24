import { lifecycleWorkflowId } from '@sanxiang/shared/src/domain';
import {
  api,
  createHarness,
  draftRequest,
  ID_NUMBER,
  MOBILE,
  revokingDocument,
  step,
  type THarness,
  withdrawDecision,
} from './support/harness';
import { startProbe, startProbeWorker } from './support/probe-worker';

// Draft → review → approve → publish → correct → withdraw against real PostgreSQL and Temporal; the
// lifecycle workflow is stood in for by a probe that records the signals this service sends.

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

describe('POST /internal/disclosures (from the lifecycle workflow)', () => {
  it('requires the system role', async () => {
    const body = draftRequest();
    expect((await api(h).post('/internal/disclosures').send(body)).status).toBe(401);
    const res = await api(h).post('/internal/disclosures').set('authorization', h.auth.discloserA).send(body);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('names every invalid field', async () => {
    const res = await api(h)
      .post('/internal/disclosures')
      .set('authorization', h.auth.system)
      .send({
        ...draftRequest(),
        cycle: 0,
        decisionKind: 'fine',
        party: { kind: 'naturalPerson', name: '' },
      });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.cycle', 'body.decisionKind', 'body.party.name']));
  });

  it('is idempotent by Idempotency-Key and by case number + cycle', async () => {
    const body = draftRequest();
    // Header values are ASCII: the case number in the key is percent-encoded.
    const key = encodeURIComponent(`${body.workflowId}:disclosure-draft:1`);
    const first = await api(h)
      .post('/internal/disclosures')
      .set('authorization', h.auth.system)
      .set('Idempotency-Key', key)
      .send(body);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ disclosureId: expect.any(String), status: 'draft' });

    const again = await api(h)
      .post('/internal/disclosures')
      .set('authorization', h.auth.system)
      .set('Idempotency-Key', key)
      .send(body);
    expect(again.status).toBe(201); // the first answer, replayed
    expect(again.body).toEqual(first.body);

    const newKey = await api(h)
      .post('/internal/disclosures')
      .set('authorization', h.auth.system)
      .set('Idempotency-Key', `${key}-b`)
      .send(body);
    expect(newKey.status).toBe(200);
    expect(newKey.body.disclosureId).toBe(first.body.disclosureId);

    const otherBody = await api(h)
      .post('/internal/disclosures')
      .set('authorization', h.auth.system)
      .set('Idempotency-Key', key)
      .send({ ...body, documentNumber: '另一个文号' });
    expect(otherBody.status).toBe(422); // one status for a reused key with another body, in every service

    expect(await h.db.disclosure.count({ where: { caseNumber: body.caseNumber } })).toBe(1);
    expect(await h.db.auditEvent.count({ where: { subject: `disclosure:${first.body.disclosureId}` } })).toBe(
      1,
    );
  });

  it('creates one record under concurrent repeats', async () => {
    const body = draftRequest();
    const results = await Promise.all(
      [1, 2, 3, 4].map(() =>
        api(h).post('/internal/disclosures').set('authorization', h.auth.system).send(body),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.disclosureId)).size).toBe(1);
  });
});

describe('a decision from draft to withdrawal', () => {
  const req = draftRequest();
  let id: string;
  let probe: Awaited<ReturnType<typeof startProbe>>;

  beforeAll(async () => {
    probe = await startProbe(h.client, h.taskQueue, lifecycleWorkflowId(req.caseNumber));
    const res = await api(h).post('/internal/disclosures').set('authorization', h.auth.system).send(req);
    expect(res.status).toBe(201);
    id = res.body.disclosureId;
  });
  afterAll(async () => probe?.terminate());

  it('stores the source and a generated, redacted public version', async () => {
    const res = await api(h).get(`/disclosures/${id}`).set('authorization', h.auth.discloserA);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'draft',
      reviewStage: 'editing',
      workingVersion: 1,
      publishedVersion: null,
    });
    const [v1] = res.body.versions;
    expect(v1.source.content).toContain(ID_NUMBER);
    expect(v1.publicContent.content).not.toContain(ID_NUMBER);
    expect(v1.publicContent.content).toContain('2101**********1234');
    expect(v1.publicContent.content).toContain('139****5678');
    expect(v1.redactionReport).toEqual(
      expect.arrayContaining([
        { field: 'content', rule: 'idNumber', count: 1 },
        { field: 'content', rule: 'phoneNumber', count: 1 },
      ]),
    );
  });

  it('is not publishable, nor visible, before review and approval', async () => {
    const publish = await api(h)
      .post(`/internal/disclosures/${id}/publish`)
      .set('authorization', h.auth.system)
      .send({ workflowId: req.workflowId, cycle: 1 });
    expect(publish.status).toBe(409);
    expect((await api(h).get(`/api/public/decisions/${id}`)).status).toBe(404);
    expect((await api(h).get(`/public/decisions/${id}`)).status).toBe(404);
  });

  it('lets staff adjust redaction rules as a new version, keeping the old one', async () => {
    const detail = await api(h).get(`/disclosures/${id}`).set('authorization', h.auth.discloserA);
    const rules = [
      ...detail.body.versions[0].redactionRules,
      { kind: 'literal', text: '王志强', replacement: '王某' },
    ];
    const stale = await api(h)
      .post(`/disclosures/${id}/versions`)
      .set('authorization', h.auth.discloserA)
      .send({ baseVersion: 7, redactionRules: rules });
    expect(stale.status).toBe(409);
    const badRule = await api(h)
      .post(`/disclosures/${id}/versions`)
      .set('authorization', h.auth.discloserA)
      .send({ baseVersion: 1, redactionRules: [{ kind: 'literal', text: '' }] });
    expect(badRule.status).toBe(400);
    expect(badRule.body.errors[0].path).toMatch(/^body\.redactionRules/);
    const reviewerEdit = await api(h)
      .post(`/disclosures/${id}/versions`)
      .set('authorization', h.auth.reviewer)
      .send({ baseVersion: 1, redactionRules: rules });
    expect(reviewerEdit.status).toBe(403);

    const res = await api(h)
      .post(`/disclosures/${id}/versions`)
      .set('authorization', h.auth.discloserA)
      .send({ baseVersion: 1, redactionRules: rules, note: '法定代表人姓名脱敏' });
    expect(res.status).toBe(201);
    expect(res.body.version).toBe(2);
    expect(res.body.publicContent.content).toContain('王某');
    expect(res.body.publicContent.content).not.toContain('王志强');
  });

  it('goes through the reviewer check and the head approval, with four eyes', async () => {
    expect(
      (
        await api(h)
          .post(`/disclosures/${id}/check`)
          .set('authorization', h.auth.reviewer)
          .send({ version: 2, outcome: 'pass' })
      ).status,
    ).toBe(409);
    await step(h, id, 'submit', 'discloserA', { version: 2 });
    // the author/submitter may not check their own version
    const own = await api(h)
      .post(`/disclosures/${id}/check`)
      .set('authorization', h.auth.discloserA)
      .send({ version: 2, outcome: 'pass' });
    expect(own.status).toBe(409);
    expect(own.body).toMatchObject({ rule: 'separationOfDuties', reason: 'author' });
    // a return needs a reason
    const noReason = await api(h)
      .post(`/disclosures/${id}/check`)
      .set('authorization', h.auth.reviewer)
      .send({ version: 2, outcome: 'return' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe('body.note');
    // the head cannot approve what was not checked
    const early = await api(h)
      .post(`/disclosures/${id}/approval`)
      .set('authorization', h.auth.head)
      .send({ version: 2, outcome: 'approve' });
    expect(early.status).toBe(409);
    const officer = await api(h)
      .post(`/disclosures/${id}/check`)
      .set('authorization', h.auth.officer)
      .send({ version: 2, outcome: 'pass' });
    expect(officer.status).toBe(403);

    expect(await step(h, id, 'check', 'reviewer', { version: 2, outcome: 'pass' })).toMatchObject({
      reviewStage: 'awaitingApproval',
    });
    const discloserApproves = await api(h)
      .post(`/disclosures/${id}/approval`)
      .set('authorization', h.auth.discloserB)
      .send({ version: 2, outcome: 'approve' });
    expect(discloserApproves.status).toBe(403);
    expect(await step(h, id, 'approval', 'head', { version: 2, outcome: 'approve' })).toMatchObject({
      status: 'approved',
      reviewStage: null,
    });

    const signals = await probe.waitFor((s) => s.some((x) => x.name === 'disclosureApproved'));
    expect(signals).toEqual([
      {
        name: 'disclosureApproved',
        payload: { cycle: 1, disclosureId: id, approvedBy: 'u-head', approvedAt: expect.any(String) },
      },
    ]);
    // approved is not published: the workflow publishes
    expect((await api(h).get(`/api/public/decisions/${id}`)).status).toBe(404);
  });

  it('is published by the workflow, once, showing only the approved redacted version', async () => {
    const body = { workflowId: req.workflowId, cycle: 1 };
    const wrongCycle = await api(h)
      .post(`/internal/disclosures/${id}/publish`)
      .set('authorization', h.auth.system)
      .send({ ...body, cycle: 2 });
    expect(wrongCycle.status).toBe(409);
    const first = await api(h)
      .post(`/internal/disclosures/${id}/publish`)
      .set('authorization', h.auth.system)
      .send(body);
    expect(first.status).toBe(200);
    const again = await api(h)
      .post(`/internal/disclosures/${id}/publish`)
      .set('authorization', h.auth.system)
      .send(body);
    expect(again.body.publishedAt).toBe(first.body.publishedAt);

    const detail = await api(h).get(`/disclosures/${id}`).set('authorization', h.auth.discloserA);
    expect(detail.body).toMatchObject({ status: 'published', publishedVersion: 2 });
    const years =
      new Date(detail.body.expiresAt).getUTCFullYear() - new Date(detail.body.publishedAt).getUTCFullYear();
    expect(years).toBe(5); // a legal person: 5 years

    const pub = await api(h).get(`/api/public/decisions/${id}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({
      state: 'published',
      partyName: '沈阳华信建材有限公司',
      documentNumber: req.documentNumber,
    });
    const text = JSON.stringify(pub.body);
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(MOBILE);
    expect(text).not.toContain('王志强');

    const page = await api(h).get(`/public/decisions/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('王某');
    expect(page.text).not.toContain(ID_NUMBER);
  });

  it('is found by party name, a 2-character keyword and its document number, not by redacted text', async () => {
    const search = async (q: string) =>
      (await api(h).get('/api/public/decisions').query({ q })).body.items.map(
        (i: { id: string }) => i.id,
      ) as string[];
    expect(await search('华信建材')).toContain(id);
    expect(await search('拖欠')).toContain(id);
    const bracketless = req.documentNumber.replace('〔', '[').replace('〕', ']');
    expect(await search(bracketless)).toContain(id);
    expect(await search(ID_NUMBER)).not.toContain(id);
    expect(await search(MOBILE)).not.toContain(id);
    expect(await search('王志强')).not.toContain(id);
  });

  it('republishes a correction through the same review, as a new version', async () => {
    const res = await api(h)
      .post(`/disclosures/${id}/versions`)
      .set('authorization', h.auth.discloserB)
      .send({ baseVersion: 2, content: { performance: '自收到决定书之日起15日内缴纳' } });
    expect(res.status).toBe(400); // a correction needs its reason
    const ok = await api(h)
      .post(`/disclosures/${id}/versions`)
      .set('authorization', h.auth.discloserB)
      .send({
        baseVersion: 2,
        content: { performance: '自收到决定书之日起30日内缴纳' },
        note: '履行期限录入错误',
      });
    expect(ok.status).toBe(201);
    expect(ok.body.disclosure).toMatchObject({
      status: 'published',
      reviewStage: 'editing',
      workingVersion: 3,
      publishedVersion: 2,
    });
    // while in review the public keeps seeing the approved version
    expect((await api(h).get(`/api/public/decisions/${id}`)).body.performance).toBe(
      '自收到决定书之日起15日内缴纳至指定银行',
    );

    await step(h, id, 'submit', 'discloserB', { version: 3 });
    await step(h, id, 'check', 'discloserA', { version: 3, outcome: 'pass' }); // another discloser may check
    await step(h, id, 'approval', 'head', { version: 3, outcome: 'approve', note: '同意更正' });
    const pub = await api(h).get(`/api/public/decisions/${id}`);
    expect(pub.body).toMatchObject({
      performance: '自收到决定书之日起30日内缴纳',
      correctedAt: expect.any(String),
    });
    const signals = await probe.signals();
    expect(signals.map((s) => s.name)).toEqual(['disclosureApproved']); // no second approval signal
  });

  it('is withdrawn, after check and head approval, with a published explanation; the old content is gone from the platform', async () => {
    const bad = await api(h)
      .post(`/disclosures/${id}/withdrawal-requests`)
      .set('authorization', h.auth.discloserA)
      .send({ reason: 'cancelled', explanation: '', revokingDocument: revokingDocument() });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.reason', 'body.explanation']);
    const body = {
      reason: 'revoked',
      explanation: '经行政复议，原决定被依法撤销，现予撤下。',
      revokingDocument: revokingDocument(),
    };
    const reviewer = await api(h)
      .post(`/disclosures/${id}/withdrawal-requests`)
      .set('authorization', h.auth.reviewer)
      .send(body);
    expect(reviewer.status).toBe(403);

    const withdrawn = await withdrawDecision(h, id, body);
    expect(withdrawn).toMatchObject({
      disclosure: { status: 'withdrawn', withdrawal: { reason: 'revoked', withdrawnBy: 'u-head' } },
      request: {
        stage: 'approved',
        requestedBy: 'u-discloser-a',
        checkedBy: 'u-reviewer',
        decidedBy: 'u-head',
      },
    });

    const pub = await api(h).get(`/api/public/decisions/${id}`);
    expect(pub.body).toMatchObject({
      state: 'withdrawn',
      withdrawal: { reason: 'revoked', explanation: body.explanation },
    });
    expect(pub.body.content).toBeUndefined();
    expect(JSON.stringify(pub.body)).not.toContain('拖欠');
    expect(JSON.stringify(pub.body)).not.toContain('华信建材');
    const page = await api(h).get(`/public/decisions/${id}`);
    expect(page.text).toContain('撤下说明');
    expect(page.text).toContain(body.explanation);
    expect(page.text).not.toContain('拖欠');

    const search = async (q: string) =>
      (await api(h).get('/api/public/decisions').query({ q })).body.items.filter(
        (i: { id: string }) => i.id === id,
      );
    expect(await search('华信建材')).toEqual([]);
    expect(await search('拖欠')).toEqual([]);
    const [notice] = await search(req.documentNumber);
    expect(notice).toMatchObject({ state: 'withdrawn', partyName: null, excerpt: null });

    const signals = await probe.waitFor((s) => s.some((x) => x.name === 'disclosureWithdrawn'));
    expect(signals[1]).toEqual({
      name: 'disclosureWithdrawn',
      payload: {
        cycle: 1,
        disclosureId: id,
        reason: 'revoked',
        explanation: body.explanation,
        withdrawnBy: 'u-head',
        at: expect.any(String),
      },
    });
    expect(signals).toHaveLength(2);
    const again = await api(h)
      .post(`/disclosures/${id}/withdrawal-requests`)
      .set('authorization', h.auth.discloserA)
      .send(body);
    expect(again.status).toBe(409);
  });

  it('keeps every version and an audit event per state change', async () => {
    const detail = await api(h).get(`/disclosures/${id}`).set('authorization', h.auth.head);
    expect(
      detail.body.versions.map((v: { version: number; purpose: string }) => [v.version, v.purpose]),
    ).toEqual([
      [1, 'initial'],
      [2, 'revision'],
      [3, 'correction'],
    ]);
    expect(detail.body.versions[0].source.content).toContain(ID_NUMBER); // internal: never erased
    const audit = await api(h).get(`/disclosures/${id}/audit`).set('authorization', h.auth.admin);
    expect(audit.body.events.map((e: { action: string }) => e.action)).toEqual([
      'disclosure.drafted',
      'disclosure.revised',
      'disclosure.submitted',
      'disclosure.checked',
      'disclosure.approved',
      'disclosure.published',
      'disclosure.correctionDrafted',
      'disclosure.submitted',
      'disclosure.checked',
      'disclosure.corrected',
      'disclosure.withdrawalRequested',
      'disclosure.withdrawalChecked',
      'disclosure.withdrawn',
    ]);
    expect(audit.body.events[4]).toMatchObject({
      actorId: 'u-head',
      actorName: '负责人丁',
      requestId: expect.any(String),
    });
    expect((await api(h).get(`/disclosures/${id}/audit`).set('authorization', h.auth.officer)).status).toBe(
      403,
    );
  });
});

describe('signal delivery', () => {
  it('keeps a signal queued when the workflow cannot be reached, and delivers it later', async () => {
    const req = draftRequest();
    const created = await api(h).post('/internal/disclosures').set('authorization', h.auth.system).send(req);
    const id = created.body.disclosureId as string;
    await step(h, id, 'submit', 'discloserA', { version: 1 });
    await step(h, id, 'check', 'reviewer', { version: 1, outcome: 'pass' });
    await step(h, id, 'approval', 'head', { version: 1, outcome: 'approve' }); // no workflow yet
    const queued = await h.db.outboxMessage.findFirst({ where: { orderingKey: req.workflowId } });
    expect(queued).toMatchObject({
      deliveredAt: null,
      attempts: 1,
      payload: { signal: 'disclosureApproved' },
    });
    expect(queued?.lastError).toBeTruthy();

    const probe = await startProbe(h.client, h.taskQueue, req.workflowId);
    try {
      await h.db.outboxMessage.update({ where: { id: queued!.id }, data: { nextAttemptAt: new Date() } });
      const { createSignalDispatcher } = await import('../src/data-access/signal-outbox');
      const { createLogger } = await import('@sanxiang/shared');
      const dispatcher = createSignalDispatcher({
        db: h.db,
        client: h.client,
        logger: createLogger({ name: 't', level: 'silent' }),
      });
      expect(await dispatcher.deliverDue()).toBeGreaterThanOrEqual(1);
      const signals = await probe.waitFor((s) => s.length > 0);
      expect(signals[0]).toMatchObject({ name: 'disclosureApproved', payload: { disclosureId: id } });
    } finally {
      await probe.terminate();
    }
  });
});
