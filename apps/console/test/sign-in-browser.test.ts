import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, seriousViolations, useConsoleInBrowser } from './support/browser';

// Real Chromium (Debian's), the real console server serving the built app, the real local identity
// provider on the demo directory, and the real services: people sign in through the login page.

const app = useConsoleInBrowser({ system: { worker: false } });

async function openLoginPage(page: Page): Promise<void> {
  await page.goto(app.urls().console);
  await page.waitForURL((url) => url.href.startsWith(app.system.urls.identity!));
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
    await app.withPage(async (page) => {
      await openLoginPage(page);
      await signIn(page, login, app.system.demoPassword);
      await page.waitForURL(`${app.urls().console}/`);
      const header = page.getByRole('banner');
      await header.getByText(name, { exact: true }).waitFor();
      await header.getByText(unit, { exact: true }).waitFor();
      await header.getByText(role, { exact: true }).waitFor();
      await page.getByPlaceholder('输入案号或当事人名称').waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, `home-${login}.png`) });
    });
  },
  120_000,
);

it('refuses a wrong password with a Chinese message on the login page', async () => {
  await app.withPage(async (page) => {
    await openLoginPage(page);
    await signIn(page, 'zhangwei', 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('登录名或密码不正确');
    expect(page.url().startsWith(app.system.urls.identity!)).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'login-wrong-password.png') });
  });
}, 120_000);

it('has no serious or critical axe-core violation on the login page and the console home', async () => {
  await app.withPage(async (page) => {
    await openLoginPage(page);
    await page.screenshot({ path: path.join(ARTIFACTS, 'login.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await signIn(page, 'zhangwei', app.system.demoPassword);
    await page.waitForURL(`${app.urls().console}/`);
    await page.getByPlaceholder('输入案号或当事人名称').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
}, 120_000);

it('signs out at the provider too and shows the signed-out page', async () => {
  await app.withPage(async (page) => {
    await openLoginPage(page);
    await signIn(page, 'sunli', app.system.demoPassword);
    await page.waitForURL(`${app.urls().console}/`);
    await page.getByRole('button', { name: /退出登录/u }).click();
    // The provider asks once more (its RP-initiated logout page), then sends the browser back.
    await page.waitForURL((url) => url.href.startsWith(app.system.urls.identity!));
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${app.urls().console}/auth/signed-out`);
    await page.getByRole('heading', { name: '已退出登录' }).waitFor();
    // Signed out for real: the console asks to sign in again.
    await page.goto(app.urls().console);
    await page.waitForURL((url) => url.href.startsWith(app.system.urls.identity!));
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
  });
}, 120_000);
