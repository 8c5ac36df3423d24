import { screenshot, seriousViolations, useConsoleInBrowser } from './support/browser';
import { beijingDate, caseClock, clockFeed } from './support/clocks';

// 我的待办 in real Chromium: the real console server and identity provider, the real notifications
// service (its tasks read model fed through its internal API, as the worker's reportClockEvent and
// notifyClockStep activities feed it). The reviewer signs in and sees her open review clocks.

const reviewer = { id: 'demo-reviewer-liuxiaoyan', login: 'liuxiaoyan', name: '刘晓燕' };
const serial = Math.floor(Math.random() * 90_000) + 10_000;
const dueCase = `常人社监察〔2026〕${serial}号`;
const overdueCase = `常人社监察〔2026〕${serial + 1}号`;

const office = { id: 'fazhi', name: '法制审核科' };
const feed = clockFeed(() => app.system.urls.notifications);
const app = useConsoleInBrowser({
  system: { worker: false },
  prepare: async () => {
    // A review due in ten days, reminded once (an unread inbox item for the bell) …
    const due = caseClock(
      'legalReview',
      dueCase,
      '常州市新北区恒顺机械厂拖欠工资案',
      beijingDate(10),
      office,
    );
    await feed.started(due, [reviewer.id]);
    await feed.fired(due, {
      level: 0,
      reason: '法制审核期限将至',
      assigneeIds: [reviewer.id],
      recipients: [{ personId: reviewer.id, name: reviewer.name, audience: 'assignee' }],
    });
    // … and one overdue for a week, escalated to the office's head.
    const overdue = caseClock(
      'legalReview',
      overdueCase,
      '常州市武进区宏达纺织厂未缴社保案',
      beijingDate(-7),
      office,
    );
    await feed.started(overdue, [reviewer.id]);
    await feed.fired(overdue, {
      level: 1,
      reason: '法制审核已超期，提请处长督办',
      assigneeIds: [reviewer.id],
      recipients: [{ personId: 'demo-head-wuzhigang', name: '吴志刚', audience: 'unitHead' }],
    });
  },
});

describe('我的待办', () => {
  it('shows a reviewer her open review clocks, most urgent first, each linking to its case', async () => {
    await app.as(reviewer.login, '/tasks', async (page) => {
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
    });
  }, 180_000);
});
