import { createHash } from 'node:crypto';
import request from 'supertest';
import { startTestService, uniqueCaseNumber, users, type TTestService } from './support';

describe('decision filings and spot checks (备案与抽查, 审核办法 §16)', () => {
  let svc: TTestService;
  const filingIds: string[] = [];
  beforeAll(async () => {
    svc = await startTestService();
    const officer = await svc.as(users.handler);
    for (let i = 1; i <= 12; i += 1) {
      const res = await request(svc.app)
        .post('/decision-filings')
        .set(officer)
        .send({
          caseNumber: registeredCase(i % 3 === 0 ? '职业能力建设处' : '劳动保障监察支队'),
          documentNumber: `常人社罚〔2026〕${i}号`,
          decisionKind: 'penalty',
          decisionDate: `2026-04-${String(i).padStart(2, '0')}`,
          handlingUnit: i % 3 === 0 ? '职业能力建设处' : '劳动保障监察支队',
          title: `行政处罚决定 ${i}`,
        });
      expect(res.status).toBe(201);
      filingIds.push(res.body.id);
    }
  });
  afterAll(async () => {
    await svc?.close();
  });

  /** A case the (stand-in) recording service knows, with users.handler on it. */
  const registeredCase = (handlingUnit = '劳动保障监察支队') => {
    const caseNumber = uniqueCaseNumber();
    svc.recordingStub.registerCase({
      caseNumber,
      handlingUnit,
      status: 'open',
      officers: [{ userId: users.handler.id, name: users.handler.name }],
    });
    return caseNumber;
  };

  it('files a decision once per case and document number, and lists the filings newest first', async () => {
    const body = {
      caseNumber: registeredCase(),
      documentNumber: '常人社罚〔2026〕99号',
      decisionKind: 'penalty',
      decisionDate: '2026-03-31',
      handlingUnit: '劳动保障监察支队',
      title: '行政处罚决定',
    };
    const first = await request(svc.app)
      .post('/decision-filings')
      .set(await svc.as(users.handler))
      .send(body);
    const again = await request(svc.app)
      .post('/decision-filings')
      .set(await svc.as(users.system))
      .send(body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);

    const head = await svc.as(users.head);
    const page1 = await request(svc.app).get('/decision-filings?decidedFrom=2026-04-01&limit=5').set(head);
    expect(page1.body.items.map((f: { decisionDate: string }) => f.decisionDate)).toEqual([
      '2026-04-12',
      '2026-04-11',
      '2026-04-10',
      '2026-04-09',
      '2026-04-08',
    ]);
    const page3 = await request(svc.app)
      .get(
        `/decision-filings?decidedFrom=2026-04-01&limit=5&cursor=${
          (
            await request(svc.app)
              .get(`/decision-filings?decidedFrom=2026-04-01&limit=5&cursor=${page1.body.nextCursor}`)
              .set(head)
          ).body.nextCursor
        }`,
      )
      .set(head);
    expect(page3.body.items.map((f: { decisionDate: string }) => f.decisionDate)).toEqual([
      '2026-04-02',
      '2026-04-01',
    ]);
    expect(page3.body.nextCursor).toBeNull();
    expect(
      (
        await request(svc.app)
          .get('/decision-filings')
          .set(await svc.as(users.handler))
      ).status,
    ).toBe(403);
  });

  it('draws a seeded, reproducible sample, records it, and records findings', async () => {
    const head = await svc.as(users.head);
    const draw = {
      decidedFrom: '2026-04-01',
      decidedTo: '2026-04-12',
      handlingUnit: '劳动保障监察支队',
      sampleSize: 3,
      seed: 'spot-check-2026-Q2',
    };
    const res = await request(svc.app).post('/spot-checks').set(head).send(draw);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      seed: draw.seed,
      populationSize: 8,
      sampleSize: 3,
      drawnBy: { id: users.head.id },
    });

    // Anyone can redo the draw from the seed and the population.
    const population = filingIds.filter((_, i) => (i + 1) % 3 !== 0);
    const rank = (id: string) => createHash('sha256').update(`${draw.seed}:${id}`).digest('hex');
    const expected = [...population].sort((a, b) => (rank(a) < rank(b) ? -1 : 1)).slice(0, 3);
    expect(res.body.items.map((i: { filing: { id: string } }) => i.filing.id)).toEqual(expected);
    expect(res.body.populationSha256).toBe(
      createHash('sha256')
        .update([...population].sort().join(','))
        .digest('hex'),
    );

    // The same seed draws the same sample; another seed (generated when omitted) is recorded.
    const again = await request(svc.app).post('/spot-checks').set(head).send(draw);
    expect(again.body.items.map((i: { filing: { id: string } }) => i.filing.id)).toEqual(expected);
    const generated = await request(svc.app)
      .post('/spot-checks')
      .set(head)
      .send({ ...draw, seed: undefined });
    expect(generated.body.seed).toMatch(/^[0-9a-f]{32}$/);

    const item = res.body.items[0];
    const finding = await request(svc.app)
      .put(`/spot-checks/${res.body.id}/items/${item.id}/finding`)
      .set(await svc.as(users.reviewerA))
      .send({ conclusion: 'issuesFound', findings: '未载明救济途径' });
    expect(finding.status).toBe(200);
    expect(finding.body).toMatchObject({ conclusion: 'issuesFound', checkedBy: { id: users.reviewerA.id } });
    const stored = await request(svc.app).get(`/spot-checks/${res.body.id}`).set(head);
    expect(stored.body.items[0].conclusion).toBe('issuesFound');
    const listed = await request(svc.app).get('/spot-checks?limit=2').set(head);
    expect(listed.body.items).toHaveLength(2);
    expect(listed.body.nextCursor).toEqual(expect.any(String));

    const audit = await svc.db.auditEvent.findMany({
      where: { subject: `spot-check:${res.body.id}` },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['spotCheck.drawn', 'spotCheck.findingRecorded']);
    expect(audit[0]!.details).toMatchObject({ seed: draw.seed, sample: expected, populationSize: 8 });
  });

  it('refuses an empty population and an inverted range', async () => {
    const head = await svc.as(users.head);
    const empty = await request(svc.app)
      .post('/spot-checks')
      .set(head)
      .send({ decidedFrom: '2025-01-01', decidedTo: '2025-01-31', sampleSize: 2 });
    expect(empty.status).toBe(409);
    const inverted = await request(svc.app)
      .post('/spot-checks')
      .set(head)
      .send({ decidedFrom: '2026-04-12', decidedTo: '2026-04-01', sampleSize: 0 });
    expect(inverted.status).toBe(400);
    expect(inverted.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.decidedTo',
      'body.sampleSize',
    ]);
    expect(
      (
        await request(svc.app)
          .post('/spot-checks')
          .set(await svc.as(users.handler))
          .send({})
      ).status,
    ).toBe(403);
  });
  it('refuses filings that do not come from the case, and a different body under the same key', async () => {
    const caseNumber = registeredCase();
    const body = {
      caseNumber,
      documentNumber: '常人社罚〔2026〕77号',
      decisionKind: 'penalty',
      decisionDate: '2026-05-06',
      handlingUnit: '劳动保障监察支队',
      title: '行政处罚决定',
    };
    const post = async (as: (typeof users)[keyof typeof users], b: object) =>
      request(svc.app)
        .post('/decision-filings')
        .set(await svc.as(as))
        .send(b);

    // An officer who is not on the case, and anyone for a case that does not exist: 404 alike.
    const forged = await post(users.otherOfficer, { ...body, title: '伪造' });
    const unknown = await post(users.system, { ...body, caseNumber: uniqueCaseNumber() });
    const wrongUnit = await post(users.handler, { ...body, handlingUnit: '职业能力建设处' });
    expect([forged.status, unknown.status, wrongUnit.status]).toEqual([404, 404, 422]);
    expect(wrongUnit.body.errors).toEqual([expect.objectContaining({ path: 'body.handlingUnit' })]);

    // The genuine filing is not pre-empted; a repeat matches; a different body is a conflict.
    const genuine = await post(users.handler, body);
    const repeat = await post(users.system, body);
    const collision = await post(users.handler, { ...body, title: '另一份决定' });
    expect([genuine.status, repeat.status, collision.status]).toEqual([201, 200, 409]);
    expect(genuine.body).toMatchObject({ title: '行政处罚决定', filedBy: { id: users.handler.id } });
    expect(collision.body.detail).toMatch(/不同内容/);
  });
});
