import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SHIPPED_CALENDAR_DIR, dateInShanghai } from '@sanxiang/shared/src/calendar';
import { screenshot, seriousViolations, useConsoleInBrowser } from './support/browser';

// The admin pages in real Chromium: the real console server, identity provider, directory and the
// other services of the in-process system. The administrator (徐航, demo directory) signs in.

const admin = { login: 'xuhang', name: '徐航' };
// The console's 日历 imports into a folder of this run (the stack's is shared by every suite).
const calendarDir = mkdtempSync(path.join(os.tmpdir(), 'console-calendar-'));

const app = useConsoleInBrowser({ system: { calendarDir, worker: false } });

afterAll(() => {
  rmSync(calendarDir, { recursive: true, force: true });
});

describe('系统状态', () => {
  it('shows each service’s readiness, asked by the console server', async () => {
    await app.as(admin.login, '/admin/status', async (page) => {
      await page.getByRole('heading', { name: '系统状态' }).waitFor();
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await rows.nth(7).waitFor();
      // The console itself, the six services behind its proxy and the identity provider.
      expect(await rows.count()).toBe(8);
      for (const name of [
        '执法工作台',
        '执法记录服务',
        '法制审核服务',
        '执法公示服务',
        '人员目录服务',
        '通知与督办服务',
        '双随机抽查服务',
        '统一身份认证',
      ]) {
        const row = rows.filter({ hasText: name });
        await row.getByText('正常', { exact: true }).first().waitFor();
      }
      await page.getByText('全部 8 个组件正常').waitFor();
      // A service's own checks are listed (e.g. the recording service's database).
      await rows
        .filter({ hasText: '执法记录服务' })
        .getByText(/^数据库：正常$/u)
        .waitFor();
      await page.getByRole('menuitem', { name: /系统状态/u }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'system-status');
    });
  }, 180_000);
});

describe('人员目录', () => {
  it('searches people on the server, edits one through the directory, and shows its refusal beside the field', async () => {
    await app.as(admin.login, '/admin/directory', async (page) => {
      await page.getByRole('heading', { name: '人员目录' }).waitFor();
      const rows = page.locator('.ant-tabs-tabpane-active .ant-table-tbody tr.ant-table-row');
      await rows.nth(5).waitFor();
      await page.getByLabel('姓名或登录名').fill('刘晓');
      await page.getByRole('button', { name: /查\s*询/u }).click();
      await rows.nth(1).waitFor({ state: 'detached' });
      expect(await rows.count()).toBe(1);
      const row = rows.first();
      await row.getByText('刘晓燕').waitFor();
      await row.getByText('政策法规处').waitFor();
      await row.getByText('法制审核员').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'directory');

      // Edit: the directory's own rule (phone format) comes back beside its field, in Chinese.
      await row.getByRole('button', { name: '编辑 刘晓燕' }).click();
      const drawer = page.locator('.ant-drawer-content');
      await drawer.getByText('编辑人员：刘晓燕').waitFor();
      await drawer.getByLabel('电话').fill('电话不详');
      await drawer.getByRole('button', { name: /保\s*存/u }).click();
      await drawer
        .locator('#phone_help, .ant-form-item-explain-error')
        .filter({ hasText: '电话号码格式不正确' })
        .first()
        .waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'directory-edit-refused');
      await drawer.getByLabel('电话').fill('0519-85681234');
      await drawer.getByLabel('职务').fill('法制审核员（二级）');
      await drawer.getByRole('button', { name: /保\s*存/u }).click();
      await page.getByText('已保存 刘晓燕').waitFor();
      await rows.first().getByText('法制审核员（二级）').waitFor();

      // The units and the certificates.
      await page.getByRole('tab', { name: '机构' }).click();
      await page.locator('.ant-tabs-tabpane-active').getByText('政策法规处').waitFor();
      await page.locator('.ant-tabs-tabpane-active').getByText('法制审核机构').waitFor();
      await page.getByRole('tab', { name: '执法证' }).click();
      const certificates = page.locator('.ant-tabs-tabpane-active .ant-table-tbody tr.ant-table-row');
      await certificates.first().waitFor();
      await certificates.filter({ hasText: '张伟' }).first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'directory-certificates');
    });
  }, 180_000);
});

describe('节假日日历', () => {
  it('shows the years loaded and missing, imports a year, and refuses a file without its notice', async () => {
    await app.as(admin.login, '/admin/calendar', async (page) => {
      await page.getByRole('heading', { name: '节假日日历' }).waitFor();
      const years = page.locator('.ant-card').filter({ hasText: '已载入的年份' }).locator('tr.ant-table-row');
      await years.first().waitFor();
      const shipped = readdirSync(SHIPPED_CALENDAR_DIR).filter((f) => /^\d{4}\.json$/u.test(f));
      expect(await years.count()).toBe(shipped.length);
      await years.filter({ hasText: '2026 年' }).getByText('随系统内置').waitFor();
      // Next year has no notice yet: its deadlines are provisional.
      const next = Number(dateInShanghai(new Date()).slice(0, 4)) + 1;
      if (!shipped.includes(`${next}.json`))
        await page.getByText(new RegExp(`尚无.*${next} 年`, 'u')).waitFor();
      await page.getByText('没有含临时期限的进行中案件').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'calendar');

      const input = page.locator('input[type="file"]');
      // A file without the notice it follows is refused, with the reason in Chinese.
      const withoutNotice = {
        ...JSON.parse(readFileSync(path.join(SHIPPED_CALENDAR_DIR, '2026.json'), 'utf8')),
        papers: [],
      };
      await input.setInputFiles({
        name: '2026.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(withoutNotice)),
      });
      await page.getByText(/papers 不能为空/u).waitFor();
      expect(readdirSync(calendarDir).filter((f) => f.endsWith('.json'))).toEqual([]);
      // The notice's own file: stored, and 2026 now comes from the import.
      await input.setInputFiles(path.join(SHIPPED_CALENDAR_DIR, '2026.json'));
      await page
        .getByText(
          /^已导入 2026 年节假日安排：休息日 \d+ 天，调休上班日 \d+ 天；已通知 0 个含临时期限的流程重新计算期限。$/u,
        )
        .waitFor();
      await years.filter({ hasText: '2026 年' }).getByText('管理员导入').waitFor();
      expect(readdirSync(calendarDir).filter((f) => f.endsWith('.json'))).toEqual(['2026.json']);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'calendar-imported');
    });
  }, 180_000);
});
