import { parseSearchTerms } from '../src/domain/search/search-terms';
import { api, createHarness, draftRequest, publishDecision, type THarness } from './support/harness';

// #14 item 7: search finds words, not only a literal substring. The query is cut into words by
// jieba; every word must occur; decisions with the query as typed rank first; matches are marked.

let h: THarness;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  const base = draftRequest();
  const publish = async (
    key: string,
    decisionDate: string,
    content: string,
    party = '常州华建建设集团有限公司',
  ) => {
    ids[key] = await publishDecision(
      h,
      draftRequest({
        decisionDate,
        party: { kind: 'legalPerson', name: party },
        publication: { ...base.publication, content },
      }),
    );
  };
  // The words apart, in the newest decision; the phrase as typed in an older one.
  await publish('apart', '2026-10-20', '经查，该公司拖欠32名农民工2026年7月至9月工资共计人民币1,862,400元。');
  await publish('typed', '2026-03-02', '经查，该公司拖欠工资共计人民币86,500元。', '沈阳华信建材有限公司');
  await publish('other', '2026-11-01', '经查，该公司未按规定缴纳社会保险费。', '大连星海物流有限公司');
}, 120_000);

afterAll(async () => {
  await h?.close();
});

const search = (q: string) => api(h).get('/api/public/decisions').query({ q }).expect(200);

it('cuts a query into its finest words (jieba)', () => {
  expect(parseSearchTerms('拖欠工资')).toEqual({ phrases: ['拖欠工资'], words: ['拖欠', '工资'] });
  expect(parseSearchTerms('华信  建材')).toEqual({ phrases: ['华信', '建材'], words: ['华信', '建材'] });
  expect(parseSearchTerms('〔2026〕')).toEqual({ phrases: ['2026'], words: ['2026'] });
});

it('拖欠工资 finds 拖欠32名农民工…工资, after the decision that says 拖欠工资 as typed', async () => {
  const res = await search('拖欠工资');
  expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([ids.typed, ids.apart]);
  expect(res.body.items.map((i: { match: string }) => i.match)).toEqual(['exact', 'allWords']);
  expect(res.body).toMatchObject({ total: 2, totalAtLeast: false });
});

it('pages through both tiers: the words apart continue after the last decision with the phrase', async () => {
  const page = async (n: number) =>
    (await api(h).get('/api/public/decisions').query({ q: '拖欠工资', pageSize: 1, page: n }).expect(200))
      .body;
  const [first, second, third] = [await page(1), await page(2), await page(3)];
  expect(first.items.map((i: { id: string }) => i.id)).toEqual([ids.typed]);
  expect(first).toMatchObject({ hasMore: true, total: 2 });
  expect(second.items.map((i: { id: string; match: string }) => [i.id, i.match])).toEqual([
    [ids.apart, 'allWords'],
  ]);
  expect(second).toMatchObject({ hasMore: false, total: 2 });
  expect(third.items).toEqual([]);
});

it('two words separated by a space must both occur, anywhere in the decision', async () => {
  const res = await search('华建 农民工');
  expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([ids.apart]);
  const none = await search('华信 农民工');
  expect(none.body.items).toEqual([]);
  expect(none.body.total).toBe(0);
});

it('marks the matches in the party name, the document number and the excerpt', async () => {
  const res = await search('农民工 工资');
  const item = res.body.items[0];
  const excerpt: string = item.excerpt;
  const marked = item.highlights.excerpt.map((m: { start: number; end: number }) =>
    excerpt.slice(m.start, m.end),
  );
  expect(marked).toEqual(expect.arrayContaining(['农民工', '工资']));
  const page = await api(h).get('/public').query({ q: '华建 农民工' }).expect(200);
  expect(page.text).toContain('常州<mark>华建</mark>建设集团有限公司');
  expect(page.text).toContain('<mark>农民工</mark>');
  expect(page.text).toContain('共找到 1 条');
});
