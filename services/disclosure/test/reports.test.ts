import {
  api,
  createHarness,
  draftRequest,
  exemptByPlan,
  ID_NUMBER,
  publishDecision,
  statisticsSourcesStub as otherServices,
  step,
  type THarness,
  withdrawDecision,
} from './support/harness';
import { Workbook } from 'exceljs';

// What the Schedules' workflows ask for (POST /internal/reports): drafts of the monthly
// random-inspection results, the quarterly credit blacklist and the annual statistics, from
// published (redacted) records, reviewed like any disclosure. Plus the statistics' CSV export.

let h: THarness;
let inspected: string;
let penalty: string;

beforeAll(async () => {
  h = await createHarness({ extra: { statisticsSources: otherServices } });
  inspected = await publishDecision(
    h,
    draftRequest({
      randomInspection: true,
      decisionKind: 'inspection',
      decisionDate: '2026-10-15',
      party: { kind: 'naturalPerson', name: '孙立新' },
    }),
  );
  penalty = await publishDecision(h, draftRequest({ decisionDate: '2026-10-20' }));
  await exemptByPlan(
    h,
    draftRequest({
      decisionDate: '2026-03-01',
      disclosure: { mode: 'exempt', reason: 'minorParty', explanation: '当事人为未成年人' },
    }),
  );
  await withdrawDecision(h, penalty, {
    reason: 'revoked',
    explanation: '原决定经复议被撤销，现予撤下。',
  });
}, 120_000);

afterAll(async () => h?.close());

const prepare = (body: object) =>
  api(h).post('/internal/reports').set('authorization', h.auth.system).send(body);

it('refuses periods outside 2000–2099 with 400 (schemathesis: year 8196 answered 500)', async () => {
  for (const body of [
    { kind: 'annualStatistics', period: '8196' },
    { kind: 'creditBlacklist', period: '0000-Q1' },
    { kind: 'randomInspectionResults', period: '9999-12' },
  ]) {
    const res = await prepare(body);
    expect({ body, status: res.status }).toEqual({ body, status: 400 });
    expect(res.body.errors[0]).toMatchObject({ path: 'body.period' });
  }
});

it('prepares the month’s random-inspection results from the public versions, once', async () => {
  expect((await prepare({ kind: 'randomInspectionResults', period: '2026-13' })).status).toBe(400);
  const first = await prepare({ kind: 'randomInspectionResults', period: '2026-10' });
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({ status: 'draft', created: true });
  const again = await prepare({ kind: 'randomInspectionResults', period: '2026-10' });
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ disclosureId: first.body.disclosureId, created: false });

  const detail = await api(h)
    .get(`/disclosures/${first.body.disclosureId}`)
    .set('authorization', h.auth.discloserA);
  expect(detail.body).toMatchObject({
    kind: 'randomInspectionResults',
    period: '2026-10',
    title: '随机抽查结果公示（2026-10）',
  });
  const items = detail.body.versions[0].publicContent.items;
  expect(items).toEqual([expect.objectContaining({ partyName: '孙某', decisionDate: '2026-10-15' })]);
  expect(JSON.stringify(detail.body.versions[0])).not.toContain(ID_NUMBER);

  // not public before review and approval
  expect((await api(h).get('/api/public/reports')).body.items).toEqual([]);
  const id = first.body.disclosureId as string;
  await step(h, id, 'submit', 'discloserA', { version: 1 });
  await step(h, id, 'check', 'reviewer', { version: 1, outcome: 'pass' });
  await step(h, id, 'approval', 'head', { version: 1, outcome: 'approve' });
  expect((await api(h).get('/api/public/reports')).body.items).toEqual([
    expect.objectContaining({ id, kind: 'randomInspectionResults', period: '2026-10' }),
  ]);
  const page = await api(h).get(`/public/reports/${id}`);
  expect(page.status).toBe(200);
  expect(page.text).toMatch(/<caption>\s*2026-10 随机抽查结果\s*<\/caption>/u);
  expect(page.text).toContain('孙某');
});

it('lists blacklisted penalty decisions of the quarter', async () => {
  const other = await publishDecision(
    h,
    draftRequest({ party: { kind: 'legalPerson', name: '沈阳恒达劳务派遣有限公司' } }),
  );
  expect(
    (
      await api(h)
        .post(`/disclosures/${inspected}/blacklist`)
        .set('authorization', h.auth.discloserA)
        .send({ basis: '拒不支付劳动报酬' })
    ).status,
  ).toBe(409);
  expect(
    (
      await api(h)
        .post(`/disclosures/${other}/blacklist`)
        .set('authorization', h.auth.head)
        .send({ basis: '拒不支付劳动报酬，情节严重' })
    ).status,
  ).toBe(403);
  const res = await api(h)
    .post(`/disclosures/${other}/blacklist`)
    .set('authorization', h.auth.discloserA)
    .send({ basis: '拒不支付劳动报酬，情节严重' });
  expect(res.status).toBe(200);
  expect(res.body.blacklist).toMatchObject({ basis: '拒不支付劳动报酬，情节严重' });

  const quarter = `${new Date().getUTCFullYear()}-Q${Math.floor(new Date(Date.now() + 8 * 3600_000).getUTCMonth() / 3) + 1}`;
  const prepared = await prepare({ kind: 'creditBlacklist', period: quarter });
  expect(prepared.status).toBe(201);
  const detail = await api(h)
    .get(`/disclosures/${prepared.body.disclosureId}`)
    .set('authorization', h.auth.discloserA);
  expect(detail.body.versions[0].publicContent.items).toEqual([
    expect.objectContaining({ partyName: '沈阳恒达劳务派遣有限公司', basis: '拒不支付劳动报酬，情节严重' }),
  ]);
});

it('computes the annual statistics, as a draft and as CSV', async () => {
  const stats = await api(h)
    .get('/reports/annual-statistics')
    .query({ year: 2026 })
    .set('authorization', h.auth.reviewer);
  expect(stats.status).toBe(200);
  expect(stats.body).toMatchObject({
    year: 2026,
    byDecisionKind: { inspection: 1, penalty: 3 },
    exempt: 1,
    exemptByReason: { minorParty: 1 },
    withdrawn: 1,
    withdrawnByReason: { revoked: 1 },
  });
  expect(stats.body.published).toBe(3);
  expect(stats.body.publishedOnTime + stats.body.publishedLate).toBe(3);

  const csv = await api(h)
    .get('/reports/annual-statistics.csv')
    .query({ year: 2026 })
    .set('authorization', h.auth.head);
  expect(csv.status).toBe(200);
  expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(csv.headers['content-disposition']).toContain('annual-statistics-2026.csv');
  expect(csv.text.charCodeAt(0)).toBe(0xfeff);
  expect(csv.text).toContain('按决定类别,行政处罚,3\r\n');
  expect(csv.text).toContain('不予公开,行政相对人是未成年人,1\r\n');
  expect(csv.text).toContain('撤下,原行政执法决定被依法撤销,1\r\n');
  expect(
    (
      await api(h)
        .get('/reports/annual-statistics.csv')
        .query({ year: 2026 })
        .set('authorization', h.auth.officer)
    ).status,
  ).toBe(403);
  expect(
    (
      await api(h)
        .get('/reports/annual-statistics.csv')
        .query({ year: 'last' })
        .set('authorization', h.auth.head)
    ).status,
  ).toBe(400);

  const prepared = await prepare({ kind: 'annualStatistics', period: '2026' });
  expect(prepared.status).toBe(201);
  const detail = await api(h)
    .get(`/disclosures/${prepared.body.disclosureId}`)
    .set('authorization', h.auth.head);
  expect(detail.body).toMatchObject({
    title: '2026 年度行政执法统计年报',
    status: 'draft',
    reviewStage: 'editing',
  });
  expect(detail.body.versions[0].source).toMatchObject({ year: 2026, exempt: 1, withdrawn: 1 });
  // The annual report carries what the other services counted for the year (#15).
  expect(detail.body.versions[0].source.services).toMatchObject({
    recording: { period: '2026', casesOpened: 7, evidenceUploadedLate: 2 },
    legalReview: { opinionsByKind: { approve: 2, supplementInvestigation: 1 } },
    inspection: { results: { caseOpened: 1 } },
  });
});

it('composes a month’s and a year’s figures from every service, as JSON, CSV and XLSX with the same numbers', async () => {
  const month = await api(h)
    .get('/reports/statistics')
    .query({ period: '2026-10' })
    .set('authorization', h.auth.head);
  expect(month.status).toBe(200);
  expect(month.body).toMatchObject({
    period: '2026-10',
    byDecisionKind: { inspection: 1, penalty: 1 },
    services: { recording: { period: '2026-10', casesOpened: 7 } },
  });
  const value = (group: string, item: string) =>
    month.body.table.find((r: { group: string; item: string }) => r.group === group && r.item === item)
      ?.value;
  expect(value('执法决定（按类别）', '行政处罚')).toBe(1);
  expect(value('案件', '立案')).toBe(7);
  expect(value('法制审核意见（按种类）', '补充调查')).toBe(1);
  expect(value('抽查结果（按种类）', '立案查处')).toBe(1);
  expect(value('执法记录', '逾期上传证据文件')).toBe(2);
  // March holds only the exempt decision.
  const march = await api(h)
    .get('/reports/statistics')
    .query({ period: '2026-03' })
    .set('authorization', h.auth.head);
  expect(march.body).toMatchObject({ exempt: 1, exemptByReason: { minorParty: 1 }, published: 0 });

  const csv = await api(h)
    .get('/reports/statistics.csv')
    .query({ period: '2026-10' })
    .set('authorization', h.auth.discloserA);
  expect(csv.status).toBe(200);
  expect(csv.headers['content-disposition']).toContain('statistics-2026-10.csv');
  const csvRows = csv.text
    .replace(/^\uFEFF/u, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
  expect(csvRows[0]).toEqual(['类别', '项目', '数量']);
  expect(csvRows.slice(1)).toEqual(
    month.body.table.map((r: { group: string; item: string; value: number }) => [
      r.group,
      r.item,
      String(r.value),
    ]),
  );

  const xlsx = await api(h)
    .get('/reports/statistics.xlsx')
    .query({ period: '2026-10' })
    .set('authorization', h.auth.head)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(xlsx.status).toBe(200);
  expect(xlsx.headers['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const book = new Workbook();
  await book.xlsx.load(xlsx.body as Buffer as unknown as Parameters<typeof book.xlsx.load>[0]);
  const sheet = book.getWorksheet('统计')!;
  expect(String(sheet.getCell('A1').value)).toContain('2026 年 10 月行政执法统计');
  const sheetRows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 2) sheetRows.push([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value]);
  });
  expect(sheetRows).toEqual(
    month.body.table.map((r: { group: string; item: string; value: number }) => [r.group, r.item, r.value]),
  );

  for (const [who, period, status] of [
    ['officer', '2026', 403],
    ['head', '2026-13', 400],
    ['head', '26', 400],
  ] as const) {
    const res = await api(h)
      .get('/reports/statistics.xlsx')
      .query({ period })
      .set('authorization', h.auth[who]);
    expect({ who, period, status: res.status }).toEqual({ who, period, status });
  }
});

it('answers 503 naming a system that cannot be asked (no figures made up)', async () => {
  const down = await createHarness({
    config: {
      SERVICE_URL_RECORDING: 'http://127.0.0.1:9',
      SERVICE_URL_LEGAL_REVIEW: 'http://127.0.0.1:9',
      SERVICE_URL_INSPECTION: 'http://127.0.0.1:9',
    },
  });
  try {
    const res = await api(down)
      .get('/reports/statistics')
      .query({ period: '2026' })
      .set('authorization', down.auth.head);
    expect(res.status).toBe(503);
    expect(JSON.stringify(res.body)).toMatch(/(执法记录系统|法制审核系统|双随机抽查系统)暂不可用/u);
  } finally {
    await down.close();
  }
});
