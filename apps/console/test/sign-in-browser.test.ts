import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startInProcessSystem, type TInProcessSystem } from '../../../test/support/in-process-system';

// Real Chromium (Debian's), the real console server serving the built app, the real local identity
// provider on the demo directory, and the real services: people sign in through the login page.

const CHROMIUM = '/usr/bin/chromium';
const DIST = path.resolve(__dirname, '..', 'dist');
/** Screenshots of this run (git-ignored); a few are copied by hand to docs/images/ for the README. */
export const ARTIFACTS = path.resolve(__dirname, '..', 'test-artifacts');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let system: TInProcessSystem;
let context: BrowserContext;
let profileDir: string;
let consoleUrl: string;

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'index.html')))
    throw new Error(
      `the console is not built (${DIST}); npm test builds it first, or run npm run -w @sanxiang/console build`,
    );
  mkdirSync(ARTIFACTS, { recursive: true });
  system = await startInProcessSystem({ console: { staticDir: DIST }, worker: false });
  consoleUrl = system.urls.console!;
  profileDir = mkdtempSync(path.join(os.tmpdir(), 'console-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
}, 300_000);

afterAll(async () => {
  await context?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  await system?.stop();
}, 120_000);

afterEach(async () => {
  await context.clearCookies();
});

/** serious and critical axe-core violations of the page, as `rule: target` lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: the pages' CSP (no inline script) stays as it is.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: (o: unknown) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

async function openLoginPage(page: Page): Promise<void> {
  await page.goto(consoleUrl);
  await page.waitForURL((url) => url.href.startsWith(system.urls.identity!));
  await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
}

async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

const roles = [
  { login: 'zhangwei', name: '张伟', unit: '常州市劳动保障监察支队', role: '承办人员' },
  { login: 'liuxiaoyan', name: '刘晓燕', unit: '政策法规处', role: '法制审核人员' },
  { login: 'zhoujianguo', name: '周建国', unit: '常州市劳动保障监察支队', role: '负责人' },
  { login: 'sunli', name: '孙丽', unit: '办公室（政务公开）', role: '公示工作人员' },
  { login: 'xuhang', name: '徐航', unit: '信息中心', role: '系统管理员' },
];

it.each(roles)(
  '$login ($role) signs in through the login page and lands on the console home',
  async ({ login, name, unit, role }) => {
    const page = await context.newPage();
    try {
      await openLoginPage(page);
      await signIn(page, login, system.demoPassword);
      await page.waitForURL(`${consoleUrl}/`);
      const header = page.getByRole('banner');
      await header.getByText(name, { exact: true }).waitFor();
      await header.getByText(unit, { exact: true }).waitFor();
      await header.getByText(role, { exact: true }).waitFor();
      await page.getByPlaceholder('输入案号或当事人名称').waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, `home-${login}.png`) });
    } finally {
      await page.close();
    }
  },
  120_000,
);

it('refuses a wrong password with a Chinese message on the login page', async () => {
  const page = await context.newPage();
  try {
    await openLoginPage(page);
    await signIn(page, 'zhangwei', 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('登录名或密码不正确');
    expect(page.url().startsWith(system.urls.identity!)).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'login-wrong-password.png') });
  } finally {
    await page.close();
  }
}, 120_000);

it('has no serious or critical axe-core violation on the login page and the console home', async () => {
  const page = await context.newPage();
  try {
    await openLoginPage(page);
    await page.screenshot({ path: path.join(ARTIFACTS, 'login.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await signIn(page, 'zhangwei', system.demoPassword);
    await page.waitForURL(`${consoleUrl}/`);
    await page.getByPlaceholder('输入案号或当事人名称').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await page.close();
  }
}, 120_000);

it('signs out at the provider too and shows the signed-out page', async () => {
  const page = await context.newPage();
  try {
    await openLoginPage(page);
    await signIn(page, 'sunli', system.demoPassword);
    await page.waitForURL(`${consoleUrl}/`);
    await page.getByRole('button', { name: /退出登录/u }).click();
    // The provider asks once more (its RP-initiated logout page), then sends the browser back.
    await page.waitForURL((url) => url.href.startsWith(system.urls.identity!));
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${consoleUrl}/auth/signed-out`);
    await page.getByRole('heading', { name: '已退出登录' }).waitFor();
    // Signed out for real: the console asks to sign in again.
    await page.goto(consoleUrl);
    await page.waitForURL((url) => url.href.startsWith(system.urls.identity!));
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
  } finally {
    await page.close();
  }
}, 120_000);
