/**
 * 双随机、一公开 on the public platform in a real browser (#15), on `npm start`'s demo data: the whole
 * system in this process with the real worker; the demo plan loaded and finished
 * (scripts/demo/load-inspection-demo.ts: results entered, checked, approved, then published by the
 * task's results workflow); Chromium walks the four tabs, searches, opens the task; axe-core finds
 * no serious or critical violation; screenshots in apps/console/test-artifacts/public-inspection-*.png.
 */
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { testStack } from '@sanxiang/testing';
import { loadDirectoryDemo } from '../../scripts/demo/load-directory-demo';
import {
  demoSeed,
  finishInspectionDemo,
  loadInspectionDemo,
  waitForPublishedResults,
} from '../../scripts/demo/load-inspection-demo';
import { ARTIFACTS, launchBrowser, seriousViolations } from '../../apps/console/test/support/browser';
import { startInProcessSystem, type TInProcessSystem } from '../support/in-process-system';

jest.setTimeout(180_000);

const auth = {
  get secret() {
    return testStack().authSecret;
  },
  issuer: process.env.AUTH_ISSUER ?? 'sanxiang-local',
  audience: process.env.AUTH_AUDIENCE ?? 'sanxiang',
};

let system: TInProcessSystem;
let browser: { context: BrowserContext; close: () => Promise<void> };
let taskId: string;

beforeAll(async () => {
  system = await startInProcessSystem();
  await loadDirectoryDemo(system.urls.directory, auth);
  ({ taskId } = await loadInspectionDemo(system.urls.inspection, auth));
  await finishInspectionDemo(system.urls.inspection, auth, taskId);
  browser = await launchBrowser();
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

it('the demo’s finished plan is on the public platform: items, plan, task with its draw, results', async () => {
  // The real worker's results workflow publishes the approved results.
  const published = await waitForPublishedResults(system.urls.inspection, taskId, 90_000);
  expect(published).toHaveLength(4);

  const base = system.urls.disclosure;
  const page = await browser.context.newPage();
  const shot = (name: string) =>
    page.screenshot({ path: path.join(ARTIFACTS, `public-inspection-${name}.png`), fullPage: true });

  await page.goto(`${base}/public`);
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '双随机、一公开' })
    .click();
  await page.waitForURL(`${base}/public/inspection`);
  const tabs = page.getByRole('navigation', { name: '双随机、一公开栏目' });
  expect(await tabs.getByRole('link').allTextContents()).toEqual([
    '抽查事项',
    '抽查计划',
    '抽查任务',
    '抽查结果',
  ]);
  expect(await page.getByRole('main').textContent()).toContain('用人单位遵守劳动保障法律法规情况的检查');
  expect(await seriousViolations(page)).toEqual([]);
  await shot('items');

  await tabs.getByRole('link', { name: '抽查计划' }).click();
  await page.getByRole('textbox', { name: '年度', exact: true }).fill('2026');
  await page.getByRole('button', { name: '检索' }).click();
  await page.waitForURL(/\/public\/inspection\/plans\?year=2026/u);
  expect(await page.getByRole('main').textContent()).toContain(
    '2026年度劳动保障监察“双随机、一公开”抽查计划',
  );
  expect(await seriousViolations(page)).toEqual([]);
  await shot('plans');

  await tabs.getByRole('link', { name: '抽查任务' }).click();
  await page.getByRole('link', { name: '2026年第一批用人单位劳动保障守法情况随机抽查' }).click();
  await page.waitForURL(`${base}/public/inspection/tasks/${taskId}`);
  const task = (await page.getByRole('main').textContent()) ?? '';
  expect(task).toContain(String(demoSeed));
  expect(task).toContain('sanxiang-draw-v1');
  const rows = page.getByRole('table', { name: '抽取的检查对象和执法检查人员' }).getByRole('row');
  expect(await rows.count()).toBe(1 + 4);
  expect(await seriousViolations(page)).toEqual([]);
  await shot('task');

  await page.getByRole('link', { name: '查看本任务的抽查结果' }).click();
  const results = (await page.getByRole('main').textContent()) ?? '';
  expect(results).toContain('共 4 条结果');
  expect(results).toContain('发现问题，已责令整改');
  expect(results).toContain('未找到');
  // Search by an object's name among the published results.
  const someone = published[0]!;
  await tabs.getByRole('link', { name: '抽查结果' }).click();
  await page.getByRole('searchbox', { name: '关键词' }).fill(someone.objectName);
  await page.getByRole('button', { name: '检索' }).click();
  await page.waitForURL(/\/public\/inspection\/results\?/u);
  expect(await page.getByRole('main').textContent()).toContain('共 1 条结果');
  expect(await seriousViolations(page)).toEqual([]);
  await shot('results');
  await page.close();
});
