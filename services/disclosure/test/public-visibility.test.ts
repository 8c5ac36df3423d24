import {
  api,
  createHarness,
  draftRequest,
  exemptByPlan,
  publishDecision,
  step,
  type THarness,
  withdrawDecision,
} from './support/harness';

// The public platform must never reach drafts, exempt records, approved-but-unpublished records,
// unredacted text, withdrawn content or expired records — through the JSON API or the pages.

let h: THarness;
const ids: Record<string, string> = {};
const reqs = {
  draft: draftRequest({ party: { kind: 'legalPerson', name: '草稿标记贸易有限公司' } }),
  exempt: draftRequest({
    party: { kind: 'legalPerson', name: '豁免标记贸易有限公司' },
    disclosure: { mode: 'exempt', reason: 'tradeSecret', explanation: '案件主要事实涉及商业秘密' },
  }),
  approved: draftRequest({ party: { kind: 'legalPerson', name: '批准标记贸易有限公司' } }),
  redacted: draftRequest({
    party: { kind: 'naturalPerson', name: '赵公示' },
    publication: {
      ...draftRequest().publication,
      content: '当事人赵公示经营的作坊使用独门配方秘制工艺，未依法为雇工缴纳社会保险费。',
      decision: '责令赵公示限期补缴社会保险费。',
    },
    disclosure: { mode: 'redact', redactions: [{ field: 'content', reason: 'tradeSecret' }] },
  }),
  withdrawn: draftRequest({ party: { kind: 'legalPerson', name: '撤下标记贸易有限公司' } }),
  expired: draftRequest({ party: { kind: 'legalPerson', name: '期满标记贸易有限公司' } }),
};

const publicSearch = async (params: Record<string, string>) => {
  const res = await api(h).get('/api/public/decisions').query(params);
  expect(res.status).toBe(200);
  return res.body.items as { id: string; state: string; partyName: string | null }[];
};

beforeAll(async () => {
  h = await createHarness();
  const create = async (key: keyof typeof reqs) => {
    const res = await api(h)
      .post('/internal/disclosures')
      .set('authorization', h.auth.system)
      .send(reqs[key]);
    expect(res.status).toBe(201);
    return res.body.disclosureId as string;
  };
  ids.draft = await create('draft');
  ids.exempt = await exemptByPlan(h, reqs.exempt);
  ids.approved = await create('approved');
  await step(h, ids.approved, 'submit', 'discloserA', { version: 1 });
  await step(h, ids.approved, 'check', 'reviewer', { version: 1, outcome: 'pass' });
  await step(h, ids.approved, 'approval', 'head', { version: 1, outcome: 'approve' });
  ids.redacted = await publishDecision(h, reqs.redacted);
  ids.withdrawn = await publishDecision(h, reqs.withdrawn);
  await withdrawDecision(h, ids.withdrawn, {
    reason: 'toBeRedone',
    explanation: '原决定被要求重新作出，重新作出后另行公示。',
  });
  ids.expired = await publishDecision(h, reqs.expired);
}, 120_000);

afterAll(async () => h?.close());

describe('exemption (不予公开)', () => {
  it('is recorded with its reason once the head approved it and never enters review or publication', async () => {
    const detail = await api(h).get(`/disclosures/${ids.exempt}`).set('authorization', h.auth.head);
    expect(detail.body).toMatchObject({
      status: 'exempt',
      reviewStage: null,
      exemption: {
        reason: 'tradeSecret',
        explanation: '案件主要事实涉及商业秘密',
        recordedBy: 'u-head',
      },
    });
    const repeat = await api(h)
      .post('/internal/disclosures')
      .set('authorization', h.auth.system)
      .send(reqs.exempt);
    expect(repeat.body).toEqual({ disclosureId: ids.exempt, status: 'exempt' });
    const submit = await api(h)
      .post(`/disclosures/${ids.exempt}/submit`)
      .set('authorization', h.auth.discloserA)
      .send({ version: 1 });
    expect(submit.status).toBe(409);
    const publish = await api(h)
      .post(`/internal/disclosures/${ids.exempt}/publish`)
      .set('authorization', h.auth.system)
      .send({ workflowId: reqs.exempt.workflowId, cycle: 1 });
    expect(publish.status).toBe(409);
    const audit = await api(h).get(`/disclosures/${ids.exempt}/audit`).set('authorization', h.auth.head);
    expect(audit.body.events.map((e: { action: string }) => e.action)).toEqual([
      'disclosure.drafted',
      'disclosure.nonPublicationRequested',
      'disclosure.nonPublicationChecked',
      'disclosure.exempted',
    ]);
    expect(audit.body.events.at(-1)).toMatchObject({
      details: expect.objectContaining({ reason: 'tradeSecret' }),
    });
  });

  it('refuses a redaction plan naming a field that is not published', async () => {
    const res = await api(h)
      .post('/internal/disclosures')
      .set('authorization', h.auth.system)
      .send(
        draftRequest({
          disclosure: { mode: 'redact', redactions: [{ field: 'bankAccount', reason: 'personalPrivacy' }] },
        }),
      );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'body.disclosure.redactions.0.field' }),
    ]);
  });
});

describe('expiry (公示期满撤下)', () => {
  it('takes a published decision off the platform, once, and keeps it internally', async () => {
    const body = { workflowId: reqs.expired.workflowId, cycle: 1, expiresAt: '2031-11-21T00:00:00Z' };
    const wrong = await api(h)
      .post(`/internal/disclosures/${ids.expired}/expire`)
      .set('authorization', h.auth.system)
      .send({ ...body, workflowId: 'case-lifecycle:other' });
    expect(wrong.status).toBe(409);
    expect((await api(h).get(`/api/public/decisions/${ids.expired}`)).status).toBe(200);
    const first = await api(h)
      .post(`/internal/disclosures/${ids.expired}/expire`)
      .set('authorization', h.auth.system)
      .send(body);
    expect(first.status).toBe(200);
    const again = await api(h)
      .post(`/internal/disclosures/${ids.expired}/expire`)
      .set('authorization', h.auth.system)
      .send(body);
    expect(again.body.expiredAt).toBe(first.body.expiredAt);
    expect((await api(h).get(`/api/public/decisions/${ids.expired}`)).status).toBe(404);
    const staff = await api(h).get(`/disclosures/${ids.expired}`).set('authorization', h.auth.discloserA);
    expect(staff.body).toMatchObject({ status: 'expired', expiredAt: first.body.expiredAt });
    expect(staff.body.versions).toHaveLength(1);
  });

  it('counts 2 years for a natural person, and refuses to expire what was never published', async () => {
    const staff = await api(h).get(`/disclosures/${ids.redacted}`).set('authorization', h.auth.discloserA);
    const years =
      new Date(staff.body.expiresAt).getUTCFullYear() - new Date(staff.body.publishedAt).getUTCFullYear();
    expect(years).toBe(2);
    const res = await api(h)
      .post(`/internal/disclosures/${ids.draft}/expire`)
      .set('authorization', h.auth.system)
      .send({ workflowId: reqs.draft.workflowId, cycle: 1, expiresAt: '2031-01-01T00:00:00Z' });
    expect(res.status).toBe(409);
  });
});

describe('what the public can reach', () => {
  it('lists only published records and withdrawal notices', async () => {
    const all = await publicSearch({ pageSize: '50' });
    expect(all.map((i) => i.id).sort()).toEqual([ids.redacted, ids.withdrawn].sort());
    expect(all.find((i) => i.id === ids.withdrawn)).toMatchObject({ state: 'withdrawn', partyName: null });
  });

  it('finds nothing of drafts, exempt, approved-only, withdrawn or expired records by their text', async () => {
    for (const name of ['草稿标记', '豁免标记', '批准标记', '撤下标记', '期满标记', '贸易有限公司']) {
      expect(await publicSearch({ q: name })).toEqual([]);
    }
  });

  it('answers 404 (JSON and page) for records that are not public', async () => {
    for (const key of ['draft', 'exempt', 'approved', 'expired']) {
      const id = ids[key]!;
      const json = await api(h).get(`/api/public/decisions/${id}`);
      expect(json.status).toBe(404);
      expect(JSON.stringify(json.body)).not.toContain('标记');
      const page = await api(h).get(`/public/decisions/${id}`);
      expect(page.status).toBe(404);
      expect(page.text).not.toContain('标记');
    }
  });

  it('shows only the redacted version: withheld content and masked names are not reachable', async () => {
    const res = await api(h).get(`/api/public/decisions/${ids.redacted}`);
    expect(res.body).toMatchObject({
      partyName: '赵某',
      content: '【依法不予公开：涉及商业秘密】',
      decision: '责令赵某限期补缴社会保险费。',
    });
    const page = await api(h).get(`/public/decisions/${ids.redacted}`);
    for (const text of [JSON.stringify(res.body), page.text]) {
      expect(text).not.toContain('赵公示');
      expect(text).not.toContain('独门配方');
    }
    expect(await publicSearch({ q: '独门配方' })).toEqual([]);
    expect(await publicSearch({ q: '赵公示' })).toEqual([]);
    expect((await publicSearch({ q: '赵某' })).map((i) => i.id)).toEqual([ids.redacted]);
  });

  it('shows a withdrawn decision as its notice only', async () => {
    const res = await api(h).get(`/api/public/decisions/${ids.withdrawn}`);
    expect(Object.keys(res.body).sort()).toEqual(
      [
        'decisionDate',
        'decisionKind',
        'decisionKindLabel',
        'documentNumber',
        'id',
        'issuingAuthority',
        'publishedAt',
        'state',
        'withdrawal',
      ].sort(),
    );
    expect(res.body.withdrawal).toMatchObject({
      reason: 'toBeRedone',
      reasonLabel: '原行政执法决定被要求重新作出',
    });
    const page = await api(h).get(`/public/decisions/${ids.withdrawn}`);
    expect(page.text).toContain('原决定被要求重新作出，重新作出后另行公示。');
    expect(page.text).not.toContain('撤下标记');
    expect(page.text).not.toContain('拖欠');
  });

  it('does not serve staff or internal endpoints without the staff roles', async () => {
    expect((await api(h).get(`/disclosures/${ids.draft}`)).status).toBe(401);
    expect((await api(h).get('/disclosures')).status).toBe(401);
    expect((await api(h).get(`/disclosures/${ids.draft}`).set('authorization', h.auth.officer)).status).toBe(
      403,
    );
  });
});
