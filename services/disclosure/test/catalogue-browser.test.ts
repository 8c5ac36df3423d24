import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, seriousViolations } from '../../../apps/console/test/support/browser';
import { catalogueEntries } from '../../../scripts/demo/demo-data';
import { api, createHarness, step, type THarness } from './support/harness';

// 事前公开 in a real browser (#13 item 7; 000 §4, §8, §11; 003 (一)(二); 001 (三)5): the demo's service
// guide, discretion benchmark and legal-review flow chart, an entry replaced by a new version (its
// history) and one withdrawn in favour of another (its notice) — each page read as a person reads it,
// checked with axe-core (no serious or critical WCAG 2.1 AA violation) and photographed.

let h: THarness;
let server: Server;
let base: string;
let browser: { context: BrowserContext; close: () => Promise<void> };
const shots = path.join(ARTIFACTS, 'public-catalogue');
const ids: Record<string, string> = {};

async function publish(content: object, who: 'discloserA' | 'discloserB' = 'discloserA'): Promise<string> {
  const res = await api(h).post('/catalogue/entries').set('authorization', h.auth[who]).send({ content });
  expect(res.status).toBe(201);
  const id = res.body.id as string;
  await step(h, id, 'submit', who, { version: 1 });
  await step(h, id, 'check', 'reviewer', { version: 1, outcome: 'pass' });
  await step(h, id, 'approval', 'head', { version: 1, outcome: 'approve' });
  return id;
}

const demo = (section: string) => catalogueEntries.find((e) => e.section === section)!;

beforeAll(async () => {
  h = await createHarness();
  ids.serviceGuide = await publish(demo('serviceGuide'));
  ids.discretionBenchmark = await publish(demo('discretionBenchmark'));
  ids.legalReviewFlow = await publish(demo('legalReviewFlow'));
  // Replaced by a new version: the first one stays readable as history.
  const guide = demo('serviceGuide');
  await api(h)
    .post(`/disclosures/${ids.serviceGuide}/versions`)
    .set('authorization', h.auth.discloserB)
    .send({
      baseVersion: 1,
      content: { ...guide, timeLimit: '受理之日起 45 个工作日内办结' },
      note: '办理时限由 60 个工作日压缩为 45 个工作日',
    })
    .expect(201);
  await step(h, ids.serviceGuide, 'submit', 'discloserB', { version: 2 });
  await step(h, ids.serviceGuide, 'check', 'reviewer', { version: 2, outcome: 'pass' });
  await step(h, ids.serviceGuide, 'approval', 'head', { version: 2, outcome: 'approve' });
  // Withdrawn in favour of the current benchmark.
  ids.oldBenchmark = await publish({
    ...demo('discretionBenchmark'),
    title: '拖欠工资报酬（2019 年版裁量基准）',
  });
  const asked = await api(h)
    .post(`/catalogue/entries/${ids.oldBenchmark}/withdrawal-requests`)
    .set('authorization', h.auth.discloserA)
    .send({
      reason: 'replaced',
      explanation: '2026 年版行政处罚裁量基准已发布施行，2019 年版同时停止适用。',
      replacedBy: ids.discretionBenchmark,
    })
    .expect(201);
  await step(h, ids.oldBenchmark, `outcome-requests/${asked.body.request.id}/check`, 'reviewer', {
    outcome: 'pass',
  });
  await step(h, ids.oldBenchmark, `outcome-requests/${asked.body.request.id}/approval`, 'head', {
    outcome: 'approve',
  });

  server = await new Promise<Server>((resolve) => {
    const s = h.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  mkdirSync(shots, { recursive: true });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await h?.close();
});

async function open(page: Page, url: string, shot: string): Promise<string> {
  const res = await page.goto(`${base}${url}`);
  expect(res?.status()).toBe(200);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(shots, `${shot}.png`), fullPage: true });
  return (await page.getByRole('main').textContent()) ?? '';
}

it('shows the new sections, an entry’s history and a withdrawn entry’s notice, accessibly', async () => {
  const page = await browser.context.newPage();
  const catalogue = await open(page, '/public/catalogue', 'catalogue');
  for (const heading of ['服务指南', '行政处罚裁量基准', '重大执法决定法制审核流程图', '已撤下的条目'])
    expect(await page.getByRole('heading', { level: 2, name: heading }).count()).toBe(1);
  expect(catalogue).toContain('拖欠工资报酬（2019 年版裁量基准）');

  await page.getByRole('link', { name: '劳动保障监察投诉受理' }).click();
  await page.waitForURL(`${base}/public/catalogue/${ids.serviceGuide}`);
  const guide = await open(page, `/public/catalogue/${ids.serviceGuide}`, 'service-guide');
  for (const text of [
    '受理机构',
    '审批机构',
    '办理条件',
    '办理时限',
    '受理之日起 45 个工作日内办结',
    '收费标准',
    '责任追究',
    '办公时间',
    '办公地址',
    '办公电话',
  ])
    expect(guide).toContain(text);
  expect(await page.getByRole('table', { name: '申请材料清单' }).getByRole('row').count()).toBe(4);
  expect(await page.getByRole('list', { name: '办理流程' }).getByRole('listitem').count()).toBe(4);
  const history = page.getByRole('table', { name: '本条目此前发布的版本' });
  expect(await history.textContent()).toContain('办理时限由 60 个工作日压缩为 45 个工作日');
  await history.getByRole('link', { name: '第 1 版' }).click();
  await page.waitForURL(`${base}/public/catalogue/${ids.serviceGuide}/versions/1`);
  const old = await open(page, `/public/catalogue/${ids.serviceGuide}/versions/1`, 'service-guide-v1');
  expect(old).toContain('历史版本');
  expect(old).toContain('受理之日起 60 个工作日内办结');

  const benchmark = await open(page, `/public/catalogue/${ids.discretionBenchmark}`, 'discretion-benchmark');
  expect(benchmark).toContain('裁量等级与处罚标准');
  expect(await page.getByRole('table', { name: '裁量等级与处罚标准' }).getByRole('row').count()).toBe(4);

  const flow = await open(page, `/public/catalogue/${ids.legalReviewFlow}`, 'legal-review-flow');
  expect(flow).toContain('法制审核送审表');
  expect(await page.getByRole('list', { name: '审核流程图' }).getByRole('listitem').count()).toBe(6);

  const notice = await open(page, `/public/catalogue/${ids.oldBenchmark}`, 'withdrawn-entry');
  expect(notice).toContain('已撤下');
  expect(notice).toContain('2026 年版行政处罚裁量基准已发布施行，2019 年版同时停止适用。');
  await page.getByRole('link', { name: '用人单位克扣或者无故拖欠劳动者工资报酬' }).click();
  await page.waitForURL(`${base}/public/catalogue/${ids.discretionBenchmark}`);
  await page.close();
});
