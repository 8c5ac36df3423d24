import { screenshot, seriousViolations, useConsoleInBrowser } from './support/browser';
import { beijingDate, caseClock, clockFeed } from './support/clocks';

// 消息 (the inbox) and 督办看板 (the supervision board) in real Chromium: the real console server and
// identity provider, the real notifications service and directory (the board's scope comes from the
// directory's units). The clocks and notifications are fed through the notifications service's
// internal API, as the worker's reportClockEvent and notifyClockStep activities feed it.

const reviewer = { id: 'demo-reviewer-liuxiaoyan', login: 'liuxiaoyan', name: '刘晓燕' };
/** Head of the legal-review office (政策法规处) and a reviewer: sees every unit's clocks. */
const officeHead = { id: 'demo-head-wuzhigang', login: 'wuzhigang', name: '吴志刚' };
/** Head of the 武进大队: sees his own unit's clocks only. */
const wujinHead = { id: 'demo-head-qianweidong', login: 'qianweidong', name: '钱卫东' };
const serial = Math.floor(Math.random() * 90_000) + 10_000;
const reviewDue = `常人社监察〔2026〕${serial}号`;
const reviewOverdue = `常人社监察〔2026〕${serial + 1}号`;
const uploadWujin = `常人社监察〔2026〕${serial + 2}号`;

const fazhi = { id: 'fazhi', name: '政策法规处' };
const wujin = { id: 'jiancha-wujin', name: '常州市劳动保障监察支队武进大队' };

const feed = clockFeed(() => app.system.urls.notifications);
const app = useConsoleInBrowser({
  system: { worker: false },
  prepare: async () => {
    // A review due in ten days, reminded (an unread item in the reviewer's inbox) …
    const due = caseClock(
      'legalReview',
      reviewDue,
      '常州市新北区恒顺机械厂拖欠工资案',
      beijingDate(10),
      fazhi,
    );
    await feed.started(due, [reviewer.id]);
    await feed.fired(due, {
      level: 0,
      reason: '法制审核期限将至',
      assigneeIds: [reviewer.id],
      recipients: [{ personId: reviewer.id, name: reviewer.name, audience: 'assignee' }],
    });
    // … one overdue for a week, escalated to the office's head …
    const overdue = caseClock(
      'legalReview',
      reviewOverdue,
      '常州市武进区宏达纺织厂未缴社保案',
      beijingDate(-7),
      fazhi,
    );
    await feed.started(overdue, [reviewer.id]);
    await feed.fired(overdue, {
      level: 1,
      reason: '法制审核已超期，提请处长督办',
      assigneeIds: [reviewer.id],
      recipients: [{ personId: officeHead.id, name: officeHead.name, audience: 'unitHead' }],
    });
    // … and the 武进大队's evidence upload, running, nothing fired yet.
    const upload = caseClock(
      'evidenceUpload',
      uploadWujin,
      '常州市武进区某建筑公司欠薪案',
      beijingDate(3),
      wujin,
    );
    await feed.started(upload, ['demo-officer-sunqiang']);
  },
});

describe('消息', () => {
  it('lists the reviewer’s notifications from the bell, marks one read and then done', async () => {
    await app.as(reviewer.login, '/tasks', async (page) => {
      await page.getByRole('heading', { name: '我的待办' }).waitFor();
      // The bell: one unread, and it leads to 消息.
      await page.getByRole('link', { name: '1 条未读消息，查看消息' }).click();
      await page.waitForURL(/\/inbox$/u);
      await page.getByRole('heading', { name: '消息' }).waitFor();
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(1);
      const row = rows.first();
      await row.getByText('到期提醒', { exact: true }).waitFor();
      await row.getByText('法制审核期限将至').waitFor();
      await row.getByText(/^还剩 \d+ 个工作日$/u).waitFor();
      await row.getByText('未读', { exact: true }).first().waitFor();
      // The title (with the case number) links to the task.
      const title = row.getByRole('link', { name: /到期提醒/u });
      expect(await title.getAttribute('href')).toBe(`/cases/${encodeURIComponent(reviewDue)}`);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'inbox');

      await row.getByRole('button', { name: '标为已读' }).click();
      await page.getByRole('link', { name: '没有未读消息，查看消息' }).waitFor();
      await rows.first().getByRole('cell', { name: '已读', exact: true }).waitFor();
      await rows.first().getByRole('button', { name: '标为已办结' }).click();
      await rows.first().getByRole('cell', { name: '已办结', exact: true }).waitFor();
      // Filtered on the server: nothing unread left, the item under 已办结.
      await page.getByText('未读', { exact: true }).first().click();
      await page.getByText('没有消息').waitFor();
      await page.getByText('已办结', { exact: true }).first().click();
      await rows.first().getByText('法制审核期限将至').waitFor();
      // The service agrees.
      expect(await rows.count()).toBe(1);
    });
  }, 180_000);
});

describe('督办看板', () => {
  it('shows the office head every unit’s clocks by kind, and drills down to the overdue case', async () => {
    await app.as(officeHead.login, '/board', async (page) => {
      await page.getByRole('heading', { name: '督办看板' }).waitFor();
      await page.getByText(/^全部机构进行中与已超期的期限/u).waitFor();
      // Counts by kind: two reviews (one overdue) and one evidence upload.
      await page.getByRole('button', { name: '法制审核：进行中 2 件，已超期 1 件' }).waitFor();
      await page.getByRole('button', { name: '执法记录上传：进行中 1 件，已超期 0 件' }).waitFor();
      const cases = page.locator('.ant-card').filter({ hasText: '案件（最紧急在前）' });
      const caseRows = cases.locator('.ant-table-tbody tr.ant-table-row');
      await caseRows.nth(2).waitFor();
      expect(await caseRows.count()).toBe(3);
      // Most urgent first: the overdue review.
      await caseRows.first().getByRole('link', { name: reviewOverdue }).waitFor();
      // Groups: 法制审核 / 政策法规处 / 已超期 / 已督办, one case.
      const groups = page.locator('.ant-card').filter({ hasText: '分组统计' });
      const overdueGroup = groups.locator('tr.ant-table-row').filter({ hasText: '已超期' });
      expect(await overdueGroup.count()).toBe(1);
      await overdueGroup.getByText('法制审核').waitFor();
      await overdueGroup.getByText('政策法规处').waitFor();
      await overdueGroup.getByText('已督办').waitFor();
      expect(await overdueGroup.locator('td').nth(4).textContent()).toBe('1');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'board');

      // Drill down: the group's cases only, each linking to its case.
      await overdueGroup.getByRole('button', { name: /查看 法制审核/u }).click();
      await page.getByRole('button', { name: '法制审核：进行中 1 件，已超期 1 件' }).waitFor();
      await caseRows.nth(1).waitFor({ state: 'detached' });
      expect(await caseRows.count()).toBe(1);
      const link = caseRows.first().getByRole('link', { name: reviewOverdue });
      expect(await link.getAttribute('href')).toBe(`/cases/${encodeURIComponent(reviewOverdue)}`);
      await screenshot(page, 'board-drilled');
      await page.getByRole('button', { name: '清除筛选' }).click();
      await caseRows.nth(2).waitFor();
    });
  }, 180_000);

  it('shows another unit’s head his own unit’s clocks only', async () => {
    await app.as(wujinHead.login, '/board', async (page) => {
      await page.getByRole('heading', { name: '督办看板' }).waitFor();
      await page.getByText(/^本机构进行中与已超期的期限/u).waitFor();
      await page.getByRole('button', { name: '执法记录上传：进行中 1 件，已超期 0 件' }).waitFor();
      expect(await page.getByRole('button', { name: /^法制审核：/u }).count()).toBe(0);
      const caseRows = page
        .locator('.ant-card')
        .filter({ hasText: '案件（最紧急在前）' })
        .locator('.ant-table-tbody tr.ant-table-row');
      await caseRows.first().getByRole('link', { name: uploadWujin }).waitFor();
      expect(await caseRows.count()).toBe(1);
      // 督办看板 is in his menu; the admin pages are not.
      await page.getByRole('menuitem', { name: /督办看板/u }).waitFor();
      expect(await page.getByRole('menuitem', { name: /系统状态/u }).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }, 180_000);
});
