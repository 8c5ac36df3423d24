import { api, createHarness, draftRequest, publishDecision, type THarness } from './support/harness';

// #14 item 7, through the real service and PostgreSQL: what the public page of a published decision
// carries (统一社会信用代码 and 法定代表人 of a legal person as entered at case opening, the fine as
// its own field, 公示期限), the count of results, and the government footer from PUBLIC_SITE_*.

let h: THarness;
let company: string;
let person: string;
let named: string;

beforeAll(async () => {
  h = await createHarness({
    config: {
      PUBLIC_SITE_SPONSOR: '沈阳市人力资源和社会保障局',
      PUBLIC_SITE_CONTACT: '024-12333',
      PUBLIC_SITE_ICP: '辽ICP备05001234号',
      PUBLIC_SITE_CODE: '2101000005',
    },
  });
  const base = draftRequest();
  company = await publishDecision(
    h,
    draftRequest({
      party: {
        kind: 'legalPerson',
        name: '沈阳华信建材有限公司',
        creditCode: '91210100MA0P4XKQ3T',
        legalRepresentative: '王志强',
      },
      publication: { ...base.publication, fineAmountYuan: 20000 },
    }),
  );
  // A natural person: even if a code came along, it is never published.
  person = await publishDecision(
    h,
    draftRequest({
      party: {
        kind: 'naturalPerson',
        name: '张三',
        creditCode: '210102198805061234',
        legalRepresentative: '李四',
      },
    }),
  );
  // 案件名称 (004 §9(1)), as the draft activity sends it from the case file; a natural person's name
  // in it is masked like everywhere else.
  named = await publishDecision(
    h,
    draftRequest({
      party: { kind: 'naturalPerson', name: '王建国' },
      caseName: '王建国未经许可擅自从事职业中介活动案',
      publication: { ...base.publication, content: '经查，王建国未经许可通过网络平台从事职业中介活动。' },
    }),
  );
}, 120_000);

afterAll(async () => {
  await h?.close();
});

it('a legal person: credit code, legal representative, fine amount and publication period', async () => {
  const res = await api(h).get(`/public/decisions/${company}`).expect(200);
  expect(res.text).toMatch(/<dt>统一社会信用代码<\/dt>\s*<dd>91210100MA0P4XKQ3T<\/dd>/u);
  expect(res.text).toMatch(/<dt>法定代表人<\/dt>\s*<dd>王志强<\/dd>/u);
  expect(res.text).toMatch(/<dt>罚款金额<\/dt>\s*<dd>人民币 20,000.00 元<\/dd>/u);
  // Published now, on the platform for 5 years (003 §(六)).
  const m = /自 (\d{4})年\d+月\d+日 起至 (\d{4})年\d+月\d+日 止/u.exec(res.text);
  expect(m).not.toBeNull();
  expect(Number(m![2]) - Number(m![1])).toBe(5);
  const json = await api(h).get(`/api/public/decisions/${company}`).expect(200);
  expect(json.body).toMatchObject({
    creditCode: '91210100MA0P4XKQ3T',
    legalRepresentative: '王志强',
    fineAmountYuan: 20000,
  });
  expect(typeof json.body.expiresAt).toBe('string');
});

it("a natural person: no code, no representative (the person's ID never reaches the platform)", async () => {
  const res = await api(h).get(`/public/decisions/${person}`).expect(200);
  expect(res.text).not.toContain('统一社会信用代码');
  expect(res.text).not.toContain('210102198805061234');
  expect(res.text).not.toContain('法定代表人</dt>');
  const m = /自 (\d{4})年\d+月\d+日 起至 (\d{4})年\d+月\d+日 止/u.exec(res.text);
  expect(Number(m![2]) - Number(m![1])).toBe(2);
});

it('the search tells how many decisions match', async () => {
  const res = await api(h).get('/api/public/decisions').query({ q: '华信建材' }).expect(200);
  expect(res.body).toMatchObject({ total: 1, totalAtLeast: false });
  const page = await api(h).get('/public').query({ q: '拖欠' }).expect(200);
  expect(page.text).toContain('共找到 2 条');
});

it('every page carries the government site footer from configuration', async () => {
  for (const path of ['/public', `/public/decisions/${company}`, '/public/catalogue']) {
    const res = await api(h).get(path).expect(200);
    const footer = res.text.slice(res.text.indexOf('<footer'));
    expect(footer).toContain('主办单位：沈阳市人力资源和社会保障局');
    expect(footer).toContain('联系方式：024-12333');
    expect(footer).toContain('辽ICP备05001234号');
    expect(footer).toContain('网站标识码：2101000005');
  }
});

it('caseName: the published decision carries the case name (004 §9(1)), redacted like the other fields', async () => {
  const json = await api(h).get(`/api/public/decisions/${named}`).expect(200);
  expect(json.body.caseName).toBe('王某未经许可擅自从事职业中介活动案');
  const page = await api(h).get(`/public/decisions/${named}`).expect(200);
  expect(page.text).toMatch(/<dt>案件名称<\/dt>\s*<dd>王某未经许可擅自从事职业中介活动案<\/dd>/u);
  expect(page.text).not.toContain('王建国');
  // A draft without one (made before the case name was carried) shows no empty row.
  const older = await api(h).get(`/public/decisions/${company}`).expect(200);
  expect(older.text).not.toContain('案件名称');
});
