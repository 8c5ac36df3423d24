import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import {
  startInProcessSystem,
  type TInProcessSystem,
  type TInProcessSystemOptions,
} from '../../../../test/support/in-process-system';

/** Debian's Chromium (provisioned with fonts-noto-cjk, so screenshots show Chinese). */
export const CHROMIUM = '/usr/bin/chromium';
export const DIST = path.resolve(__dirname, '..', '..', 'dist');
/** Screenshots of a run (git-ignored); a few are copied by hand to docs/images/ for the README. */
export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One Chromium profile at 1366×768, Beijing time, zh-CN; `close` removes the profile. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'console-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** serious and critical axe-core violations of the page, as `rule: target` lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
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

/** Through the console's sign-in redirect and the provider's login page, back on the console. */
export async function signInAs(
  page: Page,
  urls: { console: string; identity: string },
  login: string,
  password: string,
  path = '/',
): Promise<void> {
  await page.goto(`${urls.console}${path}`);
  try {
    await page.waitForURL((url) => url.href.startsWith(urls.identity));
  } catch (err) {
    // Where it stopped instead (a console page, an error page), for whoever reads the failure.
    const text = await page
      .locator('body')
      .innerText()
      .catch(() => '');
    throw new Error(`${login}: no login page; at ${page.url()}: ${text.slice(0, 300)}`, { cause: err });
  }
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.href.startsWith(urls.console));
}

/**
 * Picks an option of an antd Select the way a person does: opens it (typing `search` into it when
 * given), then clicks the option showing `option`.
 */
export async function pick(page: Page, select: Locator, option: string | RegExp, search?: string) {
  await select.click();
  if (search !== undefined) await select.pressSequentially(search);
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').first();
  // Its opening animation over first: on a busy machine a click while the list still slides in
  // left the list open and nothing chosen.
  await page
    .locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden):not(.ant-slide-up-appear):not(.ant-slide-up-enter)',
    )
    .first()
    .waitFor();
  const choice = open.locator('.ant-select-item-option').filter({ hasText: option }).first();
  await choice.click();
  // Closed (its closing animation over) before anything else looks at the page; a person whose
  // click did not take clicks again.
  try {
    await open.waitFor({ state: 'detached', timeout: 5_000 });
  } catch {
    if (await choice.isVisible()) await choice.click();
    await open.waitFor({ state: 'detached' });
  }
}

/**
 * Types a date (and time) into an antd DatePicker and confirms it with the picker's 确定 button (a
 * date and time needs confirming; Enter would also submit the form), or closes a date-only picker.
 */
export async function typeDate(page: Page, picker: Locator, text: string) {
  await picker.click();
  await picker.fill(text);
  const ok = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-ok button');
  if (await ok.isVisible()) await ok.click();
  else await picker.press('Escape');
}

/**
 * What a person sees at 1366×768 (the layout's header and menu are fixed, so a full-page shot would
 * paint them mid-page), scrolled to `focus` when given.
 */
export async function screenshot(page: Page, name: string, focus?: Locator) {
  if (focus) await focus.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

export interface TConsoleInBrowser {
  /** The running system (set once `beforeAll` has run). */
  readonly system: TInProcessSystem;
  readonly context: BrowserContext;
  urls(): { console: string; identity: string };
  /**
   * A page of its own for `login`, signed in at `to`; signed out (cookies cleared) afterwards. When
   * `act` fails: a full-page screenshot `failed-<test name>.png` and, beside it, what the page threw,
   * the console API calls that failed and where it navigated (`.txt`).
   */
  as<T>(login: string, to: string, act: (page: Page) => Promise<T>): Promise<T>;
  /** The same without signing in (the page signs in itself or needs no sign-in). */
  withPage<T>(act: (page: Page) => Promise<T>): Promise<T>;
}

/**
 * The set-up every console browser suite shares: registers `beforeAll`/`afterAll` that start the
 * in-process system with the built console (and identity provider), run `prepare` (demo data, clocks),
 * launch Chromium, and at the end close it, terminate `cases()`' lifecycles and stop the system.
 */
export function useConsoleInBrowser(
  options: {
    system?: Omit<TInProcessSystemOptions, 'console'> & { calendarDir?: string };
    prepare?: (system: TInProcessSystem) => Promise<void>;
    cases?: () => string[];
  } = {},
): TConsoleInBrowser {
  let system: TInProcessSystem | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  const { calendarDir, ...systemOptions } = options.system ?? {};

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'index.html')))
      throw new Error(
        `the console is not built (${DIST}); npm test builds it first, or run npm run -w @sanxiang/console build`,
      );
    system = await startInProcessSystem({ ...systemOptions, console: { staticDir: DIST, calendarDir } });
    await options.prepare?.(system);
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (options.cases) await system?.terminateCases(options.cases());
    await system?.stop();
  }, 120_000);

  // The system is there as soon as it runs (so `prepare` may use it), Chromium after `prepare`.
  const started = () => {
    if (!system) throw new Error('the console system is not started (beforeAll failed?)');
    return system;
  };
  const running = () => {
    if (!browser) throw new Error('Chromium is not launched (beforeAll failed?)');
    return { system: started(), context: browser.context };
  };
  const urls = () => ({ console: started().urls.console!, identity: started().urls.identity! });

  async function onPage<T>(act: (page: Page) => Promise<T>): Promise<T> {
    const { context } = running();
    const page = await context.newPage();
    const events: string[] = [];
    page.on('pageerror', (err) => events.push(`page error: ${err.message}`));
    page.on('response', (res) => {
      if (res.status() >= 400 && res.url().includes('/api/'))
        events.push(`${res.request().method()} ${res.url()} → ${res.status()}`);
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) events.push(`navigated to ${frame.url()}`);
    });
    try {
      return await act(page);
    } catch (err) {
      const name = `failed-${(expect.getState().currentTestName ?? 'step').replace(/[\\/:*?"<>|\s]+/gu, '-')}`;
      await page
        .screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })
        .catch(() => undefined);
      writeFileSync(path.join(ARTIFACTS, `${name}.txt`), events.join('\n'));
      throw err;
    } finally {
      // The session cookie is rolling (every console answer sets it again): an answer still on its
      // way when the cookies are cleared signs the next person in as this one. Let the page's calls
      // end first, and clear again before the next sign-in (`as`).
      await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
      await page.close();
      await context.clearCookies();
    }
  }

  return {
    get system() {
      return started();
    },
    get context() {
      return running().context;
    },
    urls,
    as: (login, to, act) =>
      onPage(async (page) => {
        await running().context.clearCookies();
        await signInAs(page, urls(), login, started().demoPassword, to);
        return act(page);
      }),
    withPage: onPage,
  };
}
