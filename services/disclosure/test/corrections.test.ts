import { loadWorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { api, createHarness, draftRequest, publishDecision, step, type THarness } from './support/harness';

// Corrections: the public request (contact + evidence) with a handling deadline, the staff queue,
// the correction republished through review, and the answer the requester reads.

let h: THarness;
let decisionId: string;
let draftId: string;

const validRequest = () => ({
  decisionId,
  requesterName: '沈阳华信建材有限公司',
  requesterKind: 'organisation',
  contactPhone: '024-23456789',
  description: '公示的履行期限有误，决定书载明为 30 日。',
  evidence: '行政处罚决定书（沈人社监罚〔2026〕号）第三页“履行方式和期限”一节。',
});

beforeAll(async () => {
  h = await createHarness({
    publicRateLimit: { readLimit: 1000, readWindowMs: 60_000, submitLimit: 6, submitWindowMs: 60_000 },
  });
  decisionId = await publishDecision(h);
  const draft = await api(h)
    .post('/internal/disclosures')
    .set('authorization', h.auth.system)
    .send(draftRequest());
  draftId = draft.body.disclosureId;
}, 120_000);

afterAll(async () => h?.close());

describe('a public correction request', () => {
  let trackingNumber: string;
  let requestId: string;

  it('is refused without a contact or with too little evidence, naming the fields', async () => {
    const { contactPhone: _omit, ...noContact } = validRequest();
    const res = await api(h)
      .post('/api/public/correction-requests')
      .send({ ...noContact, evidence: '有证据' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'body.evidence', message: expect.stringContaining('证据') },
        { path: 'body.contactPhone', message: '联系电话：请至少填写一种联系方式（电话或电子邮箱）' },
      ]),
    );
  });

  it('cannot concern a record that is not public', async () => {
    const res = await api(h)
      .post('/api/public/correction-requests')
      .send({ ...validRequest(), decisionId: draftId });
    expect(res.status).toBe(404);
  });

  it('is received with a tracking number and a 10-working-day deadline', async () => {
    const res = await api(h).post('/api/public/correction-requests').send(validRequest());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      trackingNumber: expect.stringMatching(/^GZ-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/u),
    });
    trackingNumber = res.body.trackingNumber;
    const calendar = await loadWorkingDayCalendar({});
    const expected = calendar.addWorkingDays(calendar.dateInShanghai(res.body.receivedAt), 10).date;
    expect(res.body.dueDate).toBe(expected);

    const status = await api(h).get(`/api/public/correction-requests/${trackingNumber.toLowerCase()}`);
    expect(status.body).toMatchObject({
      status: 'open',
      statusLabel: '办理中',
      dueDate: expected,
      answer: null,
    });
    expect(JSON.stringify(status.body)).not.toContain('024-23456789');
  });

  it('appears in the staff queue with contact and evidence, for disclosure staff and heads only', async () => {
    expect((await api(h).get('/correction-requests')).status).toBe(401);
    expect((await api(h).get('/correction-requests').set('authorization', h.auth.officer)).status).toBe(403);
    const res = await api(h)
      .get('/correction-requests')
      .query({ status: 'open' })
      .set('authorization', h.auth.discloserA);
    expect(res.status).toBe(200);
    const item = res.body.items.find((i: { trackingNumber: string }) => i.trackingNumber === trackingNumber);
    expect(item).toMatchObject({
      contactPhone: '024-23456789',
      evidence: expect.stringContaining('第三页'),
      overdue: false,
      disclosureId: decisionId,
    });
    requestId = item.id;
    const overdue = await api(h)
      .get('/correction-requests')
      .query({ overdue: 'true' })
      .set('authorization', h.auth.head);
    expect(overdue.body.items).toEqual([]);
  });

  it('is answered "corrected" only after the correction was reviewed and republished', async () => {
    const early = await api(h)
      .post(`/correction-requests/${requestId}/answer`)
      .set('authorization', h.auth.discloserA)
      .send({ outcome: 'corrected', answer: '已按决定书更正履行期限。' });
    expect(early.status).toBe(409);

    const version = await api(h)
      .post(`/disclosures/${decisionId}/versions`)
      .set('authorization', h.auth.discloserA)
      .send({
        baseVersion: 1,
        content: { performance: '自收到决定书之日起30日内缴纳' },
        note: '依更正申请更正履行期限',
        correctionRequestId: requestId,
      });
    expect(version.status).toBe(201);
    const stillEarly = await api(h)
      .post(`/correction-requests/${requestId}/answer`)
      .set('authorization', h.auth.discloserA)
      .send({ outcome: 'corrected', answer: '已按决定书更正履行期限。' });
    expect(stillEarly.status).toBe(409); // written, not yet approved and republished

    await step(h, decisionId, 'submit', 'discloserA', { version: 2 });
    await step(h, decisionId, 'check', 'reviewer', { version: 2, outcome: 'pass' });
    await step(h, decisionId, 'approval', 'head', { version: 2, outcome: 'approve' });
    expect((await api(h).get(`/api/public/decisions/${decisionId}`)).body.performance).toBe(
      '自收到决定书之日起30日内缴纳',
    );

    const answer = { outcome: 'corrected', answer: '经核实，已按决定书更正履行期限并重新公示。' };
    const res = await api(h)
      .post(`/correction-requests/${requestId}/answer`)
      .set('authorization', h.auth.discloserA)
      .send(answer);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'answered',
      outcome: 'corrected',
      correctionVersion: 2,
      answeredBy: 'u-discloser-a',
    });
    expect(
      (
        await api(h)
          .post(`/correction-requests/${requestId}/answer`)
          .set('authorization', h.auth.discloserA)
          .send(answer)
      ).status,
    ).toBe(200);
    const changed = await api(h)
      .post(`/correction-requests/${requestId}/answer`)
      .set('authorization', h.auth.discloserA)
      .send({ outcome: 'rejected', answer: '不予更正。' });
    expect(changed.status).toBe(409);

    const status = await api(h).get(`/api/public/correction-requests/${trackingNumber}`);
    expect(status.body).toMatchObject({
      status: 'answered',
      outcome: 'corrected',
      outcomeLabel: '已更正',
      answer: answer.answer,
    });
    const audit = await h.db.auditEvent.findMany({
      where: { subject: `correctionRequest:${requestId}` },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((e) => e.action)).toEqual(['correctionRequest.received', 'correctionRequest.answered']);
  });
});

describe('the correction pages', () => {
  it('offer the form from a decision, with labels, and keep the input on errors', async () => {
    const form = await api(h).get('/public/corrections/new').query({ decisionId });
    expect(form.status).toBe(200);
    for (const id of ['requesterName', 'contactPhone', 'contactEmail', 'description', 'evidence'])
      expect(form.text).toContain(`<label for="${id}">`);
    expect(form.text).toContain('<legend>申请人类型</legend>');

    const bad = await api(h).post('/public/corrections').type('form').send({
      decisionId,
      requesterName: '王某某',
      requesterKind: 'citizen',
      description: '太短',
      evidence: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('申请内容不完整');
    expect(bad.text).toContain('请至少填写一种联系方式');
    expect(bad.text).toContain('value="王某某"');
    expect(bad.text).toContain('aria-invalid="true"');
  });

  it('receive a request and show its status by tracking number', async () => {
    const res = await api(h)
      .post('/public/corrections')
      .type('form')
      .send({ ...validRequest(), contactPhone: '', contactEmail: 'legal@example.cn' });
    expect(res.status).toBe(201);
    const tracking = /GZ-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/u.exec(res.text)?.[0];
    expect(tracking).toBeDefined();
    const status = await api(h).get('/public/corrections/status').query({ trackingNumber: tracking });
    expect(status.status).toBe(200);
    expect(status.text).toContain('办理中');
    expect(status.text).not.toContain('legal@example.cn');
    const unknown = await api(h)
      .get('/public/corrections/status')
      .query({ trackingNumber: 'GZ-AAAA-AAAA-AAAA' });
    expect(unknown.status).toBe(404);
    const malformed = await api(h).get('/public/corrections/status').query({ trackingNumber: "x' OR 1=1" });
    expect(malformed.status).toBe(400);
  });

  it('refuse a cross-site form post (CSRF), accept a same-origin one', async () => {
    const own = await createHarness({
      publicRateLimit: { readLimit: 100, readWindowMs: 60_000, submitLimit: 100, submitWindowMs: 60_000 },
    });
    try {
      const body = { ...validRequest(), decisionId: await publishDecision(own) };
      const post = () => api(own).post('/public/corrections').type('form');
      const crossOrigin = await post().set('origin', 'https://evil.example').send(body);
      const crossSite = await post().set('sec-fetch-site', 'cross-site').send(body);
      const nullOrigin = await post().set('origin', 'null').send(body);
      expect([crossOrigin.status, crossSite.status, nullOrigin.status]).toEqual([403, 403, 403]);
      expect(crossOrigin.text).toContain('跨站提交已被拒绝');
      expect(await own.db.correctionRequest.count()).toBe(0);

      const sameOrigin = await post()
        .set('host', 'gongshi.example.cn')
        .set('origin', 'https://gongshi.example.cn')
        .set('sec-fetch-site', 'same-origin')
        .send(body);
      expect(sameOrigin.status).toBe(201);
    } finally {
      await own.close();
    }
  });

  it('refuse a request about a record that is not public', async () => {
    const res = await api(h)
      .post('/public/corrections')
      .type('form')
      .send({ ...validRequest(), decisionId: draftId });
    expect(res.status).toBe(404);
  });

  it('limit submissions per client, who cannot reset the count with X-Forwarded-For', async () => {
    const limited = await createHarness({
      publicRateLimit: { readLimit: 100, readWindowMs: 60_000, submitLimit: 1, submitWindowMs: 60_000 },
    });
    try {
      const body = { ...validRequest(), decisionId: await publishDecision(limited) };
      const post = (forwardedFor: string) =>
        api(limited).post('/api/public/correction-requests').set('x-forwarded-for', forwardedFor).send(body);
      expect((await post('203.0.113.1')).status).toBe(201);
      expect((await post('203.0.113.2')).status).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('limit submissions per client', async () => {
    const limited = await createHarness({
      publicRateLimit: { readLimit: 100, readWindowMs: 60_000, submitLimit: 1, submitWindowMs: 60_000 },
    });
    try {
      const id = await publishDecision(limited);
      const body = { ...validRequest(), decisionId: id };
      expect((await api(limited).post('/api/public/correction-requests').send(body)).status).toBe(201);
      const second = await api(limited).post('/public/corrections').type('form').send(body);
      expect(second.status).toBe(429);
      expect(await limited.db.correctionRequest.count()).toBe(1);
    } finally {
      await limited.close();
    }
  });
});
