import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { notificationPaths, type TClockSubject } from '@sanxiang/shared/src/contracts';
import { bearer } from '@sanxiang/testing';
import type { BrowserContext } from 'playwright-core';
import { startInProcessSystem, type TInProcessSystem } from '../../../test/support/in-process-system';
import { DIST, launchBrowser, screenshot, seriousViolations, signInAs } from './support/browser';

// 我的待办 in real Chromium: the real console server and identity provider, the real notifications
// service (its tasks read model fed through its internal API, as the worker's reportClockEvent and
// notifyClockStep activities feed it). The reviewer signs in and sees her open review clocks.

let system: TInProcessSystem;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
const reviewer = { id: 'demo-reviewer-liuxiaoyan', login: 'liuxiaoyan', name: '刘晓燕' };
const serial = Math.floor(Math.random() * 90_000) + 10_000;
const dueCase = `常人社监察〔2026〕${serial}号`;
const overdueCase = `常人社监察〔2026〕${serial + 1}号`;

/** The Beijing calendar date `days` from today. */
const beijingDate = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

async function internal(pathName: string, body: unknown) {
  const res = await fetch(`${system.urls.notifications}${pathName}`, {
    method: 'POST',
    headers: {
      authorization: await bearer({ id: 'system-worker', name: '工作流', roles: ['system'] }),
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`POST ${pathName} → ${res.status} ${await res.text()}`);
}

function reviewClock(caseNumber: string, title: string, dueDate: string): TClockSubject {
  return {
    clockKey: `case-lifecycle:${caseNumber}:legalReview:1:${randomUUID()}`,
    kind: 'legalReview',
    caseNumber,
    title,
    link: `/cases/${encodeURIComponent(caseNumber)}`,
    dueAt: `${dueDate}T23:59:59.999+08:00`,
    dueDate,
    unitId: 'fazhi',
    unitName: '法制审核科',
  };
}

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'index.html')))
    throw new Error(`the console is not built (${DIST}); run npm run -w @sanxiang/console build`);
  system = await startInProcessSystem({ console: { staticDir: DIST }, worker: false });
  browser = await launchBrowser();
  context = browser.context;

  const startedAt = new Date(Date.now() - 20 * 86_400_000).toISOString();
  // A review due in ten days, reminded once (an unread inbox item for the bell) …
  const due = reviewClock(dueCase, '常州市新北区恒顺机械厂拖欠工资案', beijingDate(10));
  await internal(notificationPaths.clockEvents(), {
    type: 'started',
    clock: due,
    at: startedAt,
    assigneeIds: [reviewer.id],
  });
  await internal(notificationPaths.notifications(), {
    clock: due,
    level: 0,
    reason: '法制审核期限将至',
    at: new Date().toISOString(),
    assigneeIds: [reviewer.id],
    recipients: [{ personId: reviewer.id, name: reviewer.name, email: null, audience: 'assignee' }],
  });
  // … and one overdue for a week, escalated to the office's head.
  const overdue = reviewClock(overdueCase, '常州市武进区宏达纺织厂未缴社保案', beijingDate(-7));
  await internal(notificationPaths.clockEvents(), {
    type: 'started',
    clock: overdue,
    at: startedAt,
    assigneeIds: [reviewer.id],
  });
  await internal(notificationPaths.notifications(), {
    clock: overdue,
    level: 1,
    reason: '法制审核已超期，提请处长督办',
    at: new Date().toISOString(),
    assigneeIds: [reviewer.id],
    recipients: [{ personId: 'demo-head-wuzhigang', name: '吴志刚', email: null, audience: 'unitHead' }],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
}, 120_000);

describe('我的待办', () => {
  it('shows a reviewer her open review clocks, most urgent first, each linking to its case', async () => {
    const page = await context.newPage();
    try {
      await signInAs(
        page,
        { console: system.urls.console!, identity: system.urls.identity! },
        reviewer.login,
        system.demoPassword,
        '/tasks',
      );
      await page.getByRole('heading', { name: '我的待办' }).waitFor();
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await rows.nth(1).waitFor();
      expect(await rows.count()).toBe(2);
      // Most urgent first: the overdue review, escalated (已督办), then the one due in ten days.
      const first = rows.nth(0);
      await first.getByRole('link', { name: overdueCase }).waitFor();
      await first.getByText('法制审核').first().waitFor();
      await first.getByText(/^已超期 \d+ 个工作日$/u).waitFor();
      await first.getByText('已督办').waitFor();
      const second = rows.nth(1);
      await second.getByText(/^还剩 \d+ 个工作日$/u).waitFor();
      await second.getByText('已提醒').waitFor();
      // The due date in Beijing time, through the one formatter (e.g. 2026年12月12日).
      const [y, m, d] = beijingDate(10).split('-').map(Number);
      await second.getByText(`${y}年${m}月${d}日`).waitFor();
      expect(await second.getByRole('link', { name: dueCase }).getAttribute('href')).toBe(
        `/cases/${encodeURIComponent(dueCase)}`,
      );
      // The escalation level in colour.
      expect(await first.locator('.ant-tag-red', { hasText: '已督办' }).count()).toBe(1);
      expect(await second.locator('.ant-tag-blue', { hasText: '已提醒' }).count()).toBe(1);
      // The bell: one unread reminder in her inbox.
      await page.getByRole('link', { name: '1 条未读消息，查看消息' }).waitFor();
      await page.getByRole('menuitem', { name: /我的待办/u }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'my-tasks');
    } catch (err) {
      await screenshot(page, 'failed-my-tasks').catch(() => undefined);
      throw err;
    } finally {
      await page.close();
    }
  }, 180_000);
});
