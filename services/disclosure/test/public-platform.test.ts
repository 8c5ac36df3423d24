import {
  keywordTokens,
  noTokenStats,
  planKeywordSearch,
  planTierSearch,
  runPublicSearch,
  tiersOf,
  type TPublicSearchFilters,
} from '../src/data-access/public-decision-repository';
import { parseSearchTerms } from '../src/domain/search/search-terms';
import request from 'supertest';
import { createLogger } from '@sanxiang/shared';
import { testConfig } from '@sanxiang/testing';
import { createApp } from '../src/app';
import { createPrismaClient } from '../src/data-access/prisma-client';
import { runOn } from '../src/data-access/public-read-pool';
import { api, createHarness, draftRequest, publishDecision, type THarness } from './support/harness';

// Bounded, validated public queries (400 with a clear message, never a slow query), rate limits,
// filters, pagination, and the pages' accessibility basics.

let h: THarness;
let limited: THarness;
const published: string[] = [];

beforeAll(async () => {
  h = await createHarness();
  limited = await createHarness({
    publicRateLimit: { readLimit: 3, readWindowMs: 60_000, submitLimit: 1, submitWindowMs: 60_000 },
  });
  const variants = [
    {
      decisionKind: 'penalty' as const,
      decisionDate: '2026-03-10',
      issuingAuthority: '沈阳市人力资源和社会保障局',
      party: '盛京物流有限公司',
    },
    {
      decisionKind: 'penalty' as const,
      decisionDate: '2026-06-15',
      issuingAuthority: '沈阳市人力资源和社会保障局',
      party: '浑河餐饮管理有限公司',
    },
    {
      decisionKind: 'licensing' as const,
      decisionDate: '2026-09-01',
      issuingAuthority: '大连市人力资源和社会保障局',
      party: '星海职业技能培训学校',
    },
  ];
  for (const v of variants) {
    const base = draftRequest();
    published.push(
      await publishDecision(
        h,
        draftRequest({
          decisionKind: v.decisionKind,
          decisionDate: v.decisionDate,
          party: { kind: 'legalPerson', name: v.party },
          publication: { ...base.publication, issuingAuthority: v.issuingAuthority },
        }),
      ),
    );
  }
}, 120_000);

afterAll(async () => {
  await h?.close();
  await limited?.close();
});

const search = (query: Record<string, string | string[]>) => api(h).get('/api/public/decisions').query(query);

describe('public search API', () => {
  it('filters by decision kind, authority and date range, newest decision first', async () => {
    expect((await search({})).body.items.map((i: { id: string }) => i.id)).toEqual([...published].reverse());
    expect((await search({ kind: 'licensing' })).body.items.map((i: { id: string }) => i.id)).toEqual([
      published[2],
    ]);
    expect((await search({ authority: '沈阳市人力资源和社会保障局' })).body.items).toHaveLength(2);
    expect(
      (await search({ from: '2026-04-01', to: '2026-08-31' })).body.items.map((i: { id: string }) => i.id),
    ).toEqual([published[1]]);
    expect((await search({ q: '餐饮', kind: 'licensing' })).body.items).toEqual([]);
  });

  it('pages with a next-page flag and no total count', async () => {
    const p1 = await search({ pageSize: '2' });
    expect(p1.body).toMatchObject({ page: 1, pageSize: 2, hasMore: true });
    const p2 = await search({ pageSize: '2', page: '2' });
    expect(p2.body).toMatchObject({ page: 2, hasMore: false });
    expect(p2.body.items).toHaveLength(1);
  });

  it.each([
    [{ q: '罚' }, 'query.q', '至少需要 2 个字'],
    [{ q: '，。' }, 'query.q', '至少需要 2 个字'],
    [{ q: '长'.repeat(51) }, 'query.q', '不能超过 50 个字'],
    [{ q: ['工资', '社保'] }, 'query.q', '只能填写一个'],
    [{ page: '51' }, 'query.page', '最多翻到第 50 页'],
    [{ pageSize: '500' }, 'query.pageSize', '每页最多 50 条'],
    [{ kind: 'fine' }, 'query.kind', '决定类别不正确'],
    [{ from: '2026-13-01' }, 'query.from', 'YYYY-MM-DD'],
    [{ from: '2026-05-01', to: '2026-04-01' }, 'query.to', '结束日期不能早于开始日期'],
    [{ sort: 'random()' }, 'query', '不支持的查询参数：sort'],
  ])('refuses %j with 400 naming the field', async (query, path, message) => {
    const res = await search(query);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('refuses a malformed id with 400 before any query', async () => {
    const res = await api(h).get('/api/public/decisions/1%20OR%201=1');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('params.id');
  });
});

describe('search strategy', () => {
  it('cuts keywords into the same tokens as the database function', async () => {
    const tokens = async (text: string) =>
      (await h.publicReads.query<{ t: string[] }>('SELECT disclosure_search_tokens($1) AS t', [text]))
        .rows[0]!.t;
    // bigrams by code point, and bounded runs of 3+ digits
    expect((await tokens('𠀀沈阳罚202612号')).sort()).toEqual(keywordTokens('𠀀沈阳罚202612号').sort());
    expect(await tokens('罚202612号')).toContain('#202612');
    // a run at the keyword's edge may continue in the text: no run token for it
    expect(keywordTokens('202612号')).not.toContain('#202612');
    expect(keywordTokens('罚12号')).not.toContain('#12');
    expect(await tokens('华信|建材')).toEqual(['华信', '建材']);
  });

  it('finds the same page newest-first (step 1) as through the token index (step 2)', async () => {
    const run = runOn(h.publicReads);
    // Statistics saying the keyword is common make the plan look at the newest rows first.
    const common = {
      frequency: new Map([
        ['有限', 0.9],
        ['限公', 0.9],
        ['公司', 0.9],
      ]),
      floor: 0.01,
    };
    for (const [keyword, pageSize] of [
      ['有限公司', 1],
      ['有限公司', 5],
      ['限公', 2],
    ] as const) {
      for (const page of [1, 2, 3]) {
        const f: TPublicSearchFilters = { terms: { phrases: [keyword], words: [keyword] }, page, pageSize };
        expect(planKeywordSearch([keyword], page * pageSize + 1, common).recentWindow).toBeGreaterThan(0);
        expect(await runPublicSearch(run, f, common)).toEqual(await runPublicSearch(run, f, noTokenStats));
      }
    }
    const first = await runPublicSearch(
      run,
      { terms: { phrases: ['有限公司'], words: ['有限', '公司'] }, page: 1, pageSize: 1 },
      common,
    );
    expect(first).toMatchObject({
      hasMore: true,
      items: [expect.objectContaining({ disclosureId: published[1] })],
    });
  });

  it('asks the words apart for a number typed between other characters as a whole number, through its run token', async () => {
    const run = runOn(h.publicReads);
    const { rows } = await h.publicReads.query<{ documentNumber: string }>(
      'SELECT "documentNumber" FROM "PublicDecision" WHERE "disclosureId" = $1',
      [published[0]],
    );
    // 沈人社监罚〔2026〕N号 of 盛京物流有限公司: its number is the whole run 2026N.
    const number = `2026${/〔2026〕(\d+)号/u.exec(rows[0]!.documentNumber)![1]}`;
    const search = (q: string) => runPublicSearch(run, { terms: parseSearchTerms(q), page: 1, pageSize: 20 });
    // Not as typed anywhere, but 盛京, 监罚, 物流 and the whole number all occur.
    const terms = parseSearchTerms(`盛京监罚${number}号物流`)!;
    const apart = tiersOf(terms)[1]!;
    expect(apart.wholeNumbers).toEqual([number]);
    expect(planTierSearch(apart, 21, noTokenStats).indexTokens).toContain(`#${number}`);
    const found = await search(`盛京监罚${number}号物流`);
    expect(found.items.map((i) => [i.disclosureId, i.match])).toEqual([[published[0], 'allWords']]);
    expect(found).toMatchObject({ total: 1, totalAtLeast: false });
    // The same number without its first digit occurs only inside the longer run: no match.
    const inside = await search(`盛京监罚${number.slice(1)}号物流`);
    expect(inside.items).toEqual([]);
    expect(inside.total).toBe(0);
  });

  it('leaves very common bigrams out of the index condition, and goes to the index for rare keywords', () => {
    const stats = {
      frequency: new Map([
        ['人社', 1],
        ['社监', 1],
        ['20', 0.9],
        ['罚2', 0.3],
        ['沈人', 0.05],
      ]),
      floor: 0.01,
    };
    const plan = planKeywordSearch(['沈人社监罚2026123号'], 21, stats);
    expect(plan.indexTokens).toHaveLength(4);
    expect(plan.indexTokens[0]).toBe('#2026123'); // unlisted, so rarer than every listed token
    expect(plan.indexTokens).not.toContain('人社');
    expect(plan.indexTokens).not.toContain('20');
    expect(planKeywordSearch(['华信建材'], 21, stats).recentWindow).toBe(0);
  });
});

describe('public pages', () => {
  it('render the search with accessible landmarks and labels, without script', async () => {
    const res = await api(h).get('/public').query({ q: '物流' });
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const page = res.text;
    expect(page).toMatch(/<html lang="zh-CN">/);
    expect(page).toContain('<main id="main"');
    expect(page).toMatch(/<nav aria-label="主导航">/);
    expect(page).toMatch(/<form[^>]+role="search"/);
    for (const id of ['q', 'kind', 'authority', 'from', 'to']) expect(page).toContain(`<label for="${id}">`);
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('盛京<mark>物流</mark>有限公司'); // the match highlighted
    expect(page).not.toContain('浑河餐饮');
    expect(page).toContain(`href="/public/decisions/${published[0]}"`);
  });

  it('show invalid conditions as a 400 page that names the field and keeps the input, escaped', async () => {
    const res = await api(h).get('/public').query({ q: '<script>x', from: '2026-05-01', to: '2026-04-01' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('结束日期不能早于开始日期');
    expect(res.text).toContain('aria-invalid="true" aria-describedby="to-error"');
    expect(res.text).toContain('value="&lt;script&gt;x"');
    expect(res.text).not.toContain('<script>x');
  });

  it('offer the authorities and decision kinds as choices', async () => {
    const res = await api(h).get('/public');
    expect(res.text).toMatch(/<option value="大连市人力资源和社会保障局"\s*>/u);
    expect(res.text).toMatch(/<option value="licensing"\s*>\s*行政许可\s*<\/option>/u);
  });

  it('answer an unknown decision with an HTML 404', async () => {
    const res = await api(h).get('/public/decisions/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('未找到');
  });
});

describe('API description', () => {
  it('documents every route with its roles in the OpenAPI document', async () => {
    const res = await api(h).get('/openapi.json');
    expect(res.status).toBe(200);
    const paths = Object.keys(res.body.paths);
    for (const p of [
      '/internal/disclosures',
      '/internal/disclosures/{id}/publish',
      '/internal/disclosures/{id}/expire',
      '/disclosures/{id}/approval',
      '/disclosures/{id}/withdrawal-requests',
      '/disclosures/{id}/outcome-requests/{requestId}/approval',
      '/api/public/decisions',
      '/api/public/correction-requests',
      '/correction-requests/{id}/answer',
      '/catalogue/changes',
      '/internal/reports',
      '/reports/annual-statistics.csv',
    ]) {
      expect(paths).toContain(p);
    }
    expect(res.body.paths['/disclosures/{id}/approval'].post.description).toBe('角色：负责人');
    expect(res.body.paths['/api/public/decisions'].get.security).toEqual([]);
  });
});

describe('rate limits', () => {
  it('limits the public API and pages per client, not the staff API', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await api(limited).get('/api/public/decisions')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limitedApi = await api(limited).get('/api/public/decisions');
    expect(limitedApi.headers['content-type']).toMatch(/problem\+json/);
    expect(limitedApi.body).toMatchObject({ status: 429, detail: '请求过于频繁，请稍后再试' });
    const limitedPage = await api(limited).get('/public');
    expect(limitedPage.status).toBe(429);
    expect(limitedPage.text).toContain('请求过于频繁');
    expect(
      (await api(limited).get('/disclosures').set('authorization', limited.auth.discloserA)).status,
    ).toBe(200);
  });

  it('counts in PostgreSQL for every process, keyed on the peer address: Retry-After, no bypass by X-Forwarded-For', async () => {
    const shared = await createHarness({
      publicRateLimit: { readLimit: 4, readWindowMs: 60_000, submitLimit: 1, submitWindowMs: 60_000 },
    });
    // A second process of the same service: its own app, limiter and database connections.
    const secondDb = createPrismaClient(shared.database.url);
    const second = createApp({
      config: testConfig('disclosure', { DATABASE_URL: shared.database.url }),
      db: secondDb,
      publicReads: shared.publicReads,
      temporal: { client: shared.client, connection: shared.connection },
      logger: createLogger({ name: 'disclosure-test-2', level: 'silent' }),
      publicRateLimit: { readLimit: 4, readWindowMs: 60_000, submitLimit: 1, submitWindowMs: 60_000 },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const app = i % 2 === 0 ? shared.app : second;
        // HTTP_TRUST_PROXY is empty: a rotating X-Forwarded-For is not the client's address.
        const res = await request(app).get('/api/public/decisions').set('x-forwarded-for', `198.51.100.${i}`);
        statuses.push(res.status);
        if (res.status === 429) {
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
          expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
        }
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
      const rows = await secondDb.$queryRawUnsafe<{ key: string; hits: number }[]>(
        `SELECT "key", "hits" FROM "RateLimitHit" ORDER BY "key"`,
      );
      expect(rows).toEqual([{ key: expect.stringMatching(/^public-read:(::ffff:)?127\.0\.0\.1$/), hits: 5 }]);
    } finally {
      await secondDb.$disconnect();
      await shared.close();
    }
  });

  it('believes X-Forwarded-For only from the proxy HTTP_TRUST_PROXY names', async () => {
    const behindProxy = await createHarness({
      publicRateLimit: { readLimit: 1, readWindowMs: 60_000, submitLimit: 1, submitWindowMs: 60_000 },
      config: { HTTP_TRUST_PROXY: 'loopback' },
    });
    try {
      const get = (client: string) =>
        request(behindProxy.app).get('/api/public/decisions').set('x-forwarded-for', client);
      expect((await get('203.0.113.1')).status).toBe(200);
      expect((await get('203.0.113.1')).status).toBe(429);
      // Another client behind the same proxy has its own count.
      expect((await get('203.0.113.2')).status).toBe(200);
    } finally {
      await behindProxy.close();
    }
  });
});
