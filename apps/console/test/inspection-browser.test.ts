import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { testStack } from '@sanxiang/testing';
import { startInProcessSystem, type TInProcessSystem } from '../../../test/support/in-process-system';
import {
  finishInspectionDemo,
  loadInspectionDemo,
  waitForPublishedResults,
} from '../../../scripts/demo/load-inspection-demo';
import { users } from '../../../scripts/demo/demo-data';
import { ARTIFACTS, DIST, launchBrowser, seriousViolations, signInAs } from './support/browser';

// 抽查结果 核对 and 审批 by clicking (#15; 000 §17, 审核办法 §3): real Chromium, the real console
// server and identity provider, the real services and worker. The demo task's results are entered
// through the API by its drawn inspectors (as `npm start` does); then 孙丽 (公示专员) checks them on
// the task's page, a head who is not one of the task's inspectors approves, and the task's results
// workflow publishes them.

jest.setTimeout(240_000);

let system: TInProcessSystem;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
let taskId: string;
let approver: { id: string; login: string };
const urls = () => ({ console: system.urls.console!, identity: system.urls.identity! });
const auth = {
  get secret() {
    return testStack().authSecret;
  },
  issuer: process.env.AUTH_ISSUER ?? 'sanxiang-local',
  audience: process.env.AUTH_AUDIENCE ?? 'sanxiang',
};

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'index.html')))
    throw new Error(`the console is not built (${DIST}); run npm run -w @sanxiang/console build`);
  system = await startInProcessSystem({ console: { staticDir: DIST } });
  ({ taskId } = await loadInspectionDemo(system.urls.inspection, auth));
  await finishInspectionDemo(system.urls.inspection, auth, taskId, { stopAfter: 'results' });
  const drawn = await fetch(`${system.urls.inspection}/public/tasks/${taskId}`).then(
    (r) => r.json() as Promise<{ draw: { assignments: { inspectors: { id: string }[] }[] } }>,
  );
  const inspectors = new Set(drawn.draw.assignments.flatMap((a) => a.inspectors.map((i) => i.id)));
  approver = [
    { id: users.unitHead.id, login: 'zhoujianguo' },
    { id: users.officeHead.id, login: 'wuzhigang' },
  ].find((h) => !inspectors.has(h.id))!;
  browser = await launchBrowser();
  context = browser.context;
}, 200_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
}, 120_000);

async function as<T>(login: string, act: (page: Page) => Promise<T>): Promise<T> {
  const page = await context.newPage();
  try {
    await signInAs(page, urls(), login, system.demoPassword, '/inspection');
    return await act(page);
  } catch (err) {
    await page
      .screenshot({ path: path.join(ARTIFACTS, `failed-inspection-${login}.png`), fullPage: true })
      .catch(() => undefined);
    throw err;
  } finally {
    await page.close();
    await context.clearCookies();
  }
}

const openTask = async (page: Page) => {
  await page.getByRole('heading', { name: '双随机抽查', level: 1 }).waitFor();
  await page.getByRole('link', { name: '2026年第一批用人单位劳动保障守法情况随机抽查' }).click();
  await page.waitForURL(`${system.urls.console}/inspection/tasks/${taskId}`);
  await page.getByRole('heading', { name: /^抽查结果：/u, level: 1 }).waitFor();
};

it('the discloser checks the results, a head approves, the workflow publishes them', async () => {
  await as('sunli', async (page) => {
    await openTask(page);
    const main = page.getByRole('main');
    await main.getByText('待核对').first().waitFor();
    expect(await main.textContent()).toContain('发现问题，已责令整改');
    expect(await main.textContent()).toContain('公示期限');
    // A discloser does not approve.
    expect(await page.getByRole('button', { name: '审批并公示' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'inspection-results-check.png'), fullPage: true });
    await page.getByRole('button', { name: '核对结果' }).click();
    await page.getByRole('button', { name: /^核\s?对$/u }).click();
    await main.getByText('已核对，待负责人审批').waitFor();
    expect(await main.textContent()).toContain('孙丽');
  });

  await as(approver.login, async (page) => {
    await openTask(page);
    const main = page.getByRole('main');
    await main.getByText('已核对，待负责人审批').waitFor();
    await page.getByRole('button', { name: '审批并公示' }).click();
    await page.getByRole('button', { name: /^审\s?批$/u }).click();
    await main.getByText(/已审批，公示中|已公示/u).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  // The worker's results workflow publishes; the page then says so.
  const published = await waitForPublishedResults(system.urls.inspection, taskId, 90_000);
  expect(published).toHaveLength(4);
  await as(approver.login, async (page) => {
    await openTask(page);
    await page.getByRole('main').getByText('已公示', { exact: true }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'inspection-results-published.png'), fullPage: true });
  });
});
