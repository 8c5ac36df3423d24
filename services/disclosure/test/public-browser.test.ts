import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import {
  createHarness,
  draftRequest,
  publishDecision,
  type THarness,
  withdrawDecision,
} from './support/harness';

// A person with a real browser (Debian's Chromium, JavaScript switched off: the pages must work
// without it) searches the public platform and opens a decision.

const CHROMIUM = '/usr/bin/chromium';

let h: THarness;
let server: Server;
let base: string;
let context: BrowserContext;
let profileDir: string;
const ids: string[] = [];
let withdrawnNumber: string;

beforeAll(async () => {
  h = await createHarness();
  const logistics = draftRequest({ party: { kind: 'legalPerson', name: '沈阳盛京物流有限公司' } });
  ids.push(await publishDecision(h, logistics));
  ids.push(
    await publishDecision(h, draftRequest({ party: { kind: 'legalPerson', name: '沈阳浑河餐饮有限公司' } })),
  );
  const withdrawn = draftRequest({ party: { kind: 'legalPerson', name: '沈阳北陵物流有限公司' } });
  ids.push(await publishDecision(h, withdrawn));
  withdrawnNumber = withdrawn.documentNumber;
  await withdrawDecision(h, ids[2]!, {
    reason: 'confirmedIllegal',
    explanation: '经人民法院判决确认原决定违法，现予撤下。',
  });

  server = await new Promise<Server>((resolve) => {
    const s = h.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  profileDir = mkdtempSync(path.join(os.tmpdir(), 'disclosure-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    javaScriptEnabled: false,
    locale: 'zh-CN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  await new Promise((resolve) => server?.close(resolve));
  await h?.close();
});

it('searches by keyword and decision kind, and opens a decision', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/public`);
  expect(await page.title()).toContain('行政执法决定公示检索');
  await page.getByLabel('关键词').fill('物流');
  await page.getByLabel('决定类别').selectOption('penalty');
  await Promise.all([page.waitForURL(/\/public\?/u), page.getByRole('button', { name: '检索' }).click()]);

  const results = page.getByRole('region', { name: '检索结果' });
  const links = results.getByRole('link');
  const documentLinks = await links.allTextContents();
  // Only the published logistics company: not the restaurant, and not the withdrawn decision, whose
  // notice is found by its document number only.
  expect(documentLinks).toHaveLength(1);
  expect(await results.textContent()).toContain('沈阳盛京物流有限公司');
  expect(await results.textContent()).not.toContain('浑河餐饮');
  expect(await results.textContent()).not.toContain('北陵物流');

  if (process.env.DISCLOSURE_SCREENSHOTS)
    await page.screenshot({
      path: path.join(process.env.DISCLOSURE_SCREENSHOTS, 'search.png'),
      fullPage: true,
    });

  await Promise.all([
    page.waitForURL(`${base}/public/decisions/${ids[0]}`),
    results
      .getByRole('link', { name: /沈人社监罚/u })
      .first()
      .click(),
  ]);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(
    /^沈人社监罚〔2026〕\d+号$/u,
  );
  const main = page.getByRole('main');
  expect(await main.textContent()).toContain('沈阳盛京物流有限公司');
  expect(await main.textContent()).toContain('2101**********1234'); // the redacted ID, never the original
  expect(await main.textContent()).not.toContain('210102198805061234');
  if (process.env.DISCLOSURE_SCREENSHOTS)
    await page.screenshot({
      path: path.join(process.env.DISCLOSURE_SCREENSHOTS, 'decision.png'),
      fullPage: true,
    });
  await page.close();
});

it('shows a withdrawn decision as its notice, and explains a bad query', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/public`);
  await page.getByLabel('关键词').fill(withdrawnNumber);
  await Promise.all([page.waitForURL(/q=/u), page.getByRole('button', { name: '检索' }).click()]);
  const results = page.getByRole('region', { name: '检索结果' });
  expect(await results.getByText('已撤下').count()).toBe(1);
  await Promise.all([
    page.waitForURL(`${base}/public/decisions/${ids[2]}`),
    results.getByRole('link', { name: withdrawnNumber }).click(),
  ]);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('行政执法决定公示信息已撤下');
  const main = (await page.getByRole('main').textContent()) ?? '';
  expect(main).toContain('经人民法院判决确认原决定违法，现予撤下。');
  expect(main).not.toContain('北陵物流');

  await page.goto(`${base}/public`);
  await page.getByLabel('关键词').fill('罚');
  await page.getByRole('button', { name: '检索' }).click();
  await page.waitForURL(/q=/u);
  const alert = page.getByRole('alert');
  expect(await alert.textContent()).toContain('关键词至少需要 2 个字');
  expect(await page.getByLabel('关键词').getAttribute('aria-invalid')).toBe('true');
  await page.close();
});
