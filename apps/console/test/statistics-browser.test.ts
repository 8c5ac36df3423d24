import { readFileSync } from 'node:fs';
import { Workbook } from 'exceljs';
import { testStack } from '@sanxiang/testing';
import { finishInspectionDemo, loadInspectionDemo } from '../../../scripts/demo/load-inspection-demo';
import { screenshot, seriousViolations, useConsoleInBrowser } from './support/browser';

// 统计年报与月度统计 in real Chromium (#15): the real console server and identity provider, the real
// services and worker, the demo 双随机 plan loaded with its results (scripts/demo). 孙丽 (公示专员)
// opens the statistics, picks March 2026 (the demo inspection), reads the charts, and downloads the
// Excel workbook, which holds the numbers the page shows. test/e2e/statistics.test.ts checks every
// figure against the rows; here the page itself.

jest.setTimeout(240_000);

const auth = {
  get secret() {
    return testStack().authSecret;
  },
  issuer: process.env.AUTH_ISSUER ?? 'sanxiang-local',
  audience: process.env.AUTH_AUDIENCE ?? 'sanxiang',
};

const app = useConsoleInBrowser({
  prepare: async (system) => {
    const { taskId } = await loadInspectionDemo(system.urls.inspection, auth);
    await finishInspectionDemo(system.urls.inspection, auth, taskId, { stopAfter: 'results' });
  },
});

type TRow = { group: string; item: string; value: number };

describe('统计年报', () => {
  it('shows a month’s figures from every service as charts, and downloads them as Excel', async () => {
    await app.as('sunli', '/statistics', async (page) => {
      await page.getByRole('heading', { name: '统计年报与月度统计' }).waitFor();
      await page.getByRole('menuitem', { name: /统计年报/u }).waitFor();
      // The year's charts first (the current year), then March 2026, the demo inspection's month.
      await page.getByRole('img', { name: /^案件：立案 \d+，结案 \d+$/u }).waitFor();
      // The pickers sit at the top, where the fixed header would cover them on a scrolled page.
      const top = () => page.evaluate('window.scrollTo(0, 0)');
      await top();
      await page.getByRole('radiogroup', { name: '统计年度' }).getByText('2026 年').click();
      await top();
      await page.getByRole('radiogroup', { name: '统计月份' }).getByText('3 月', { exact: true }).click();
      await page.waitForURL(/period=2026-03$/u);
      const answer = await page.request.get(
        `${app.urls().console}/api/disclosure/reports/statistics?period=2026-03`,
      );
      expect(answer.status()).toBe(200);
      const { table } = (await answer.json()) as { table: TRow[] };
      const inspection = table.filter((r) => r.group === '双随机抽查');
      expect(inspection.find((r) => r.item === '抽查任务')?.value).toBe(1);
      const results = table.filter((r) => r.group === '抽查结果（按种类）');
      expect(results.reduce((a, r) => a + r.value, 0)).toBe(4);
      // Each group's chart names every bar with its number; the table repeats them.
      for (const group of ['双随机抽查', '抽查结果（按种类）']) {
        const bars = table.filter((r) => r.group === group);
        await page
          .getByRole('img', { name: `${group}：${bars.map((b) => `${b.item} ${b.value}`).join('，')}` })
          .waitFor();
      }
      await page.getByRole('heading', { name: '抽查结果（按种类）' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'console-statistics');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: '下载 Excel' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('statistics-2026-03.xlsx');
      const book = new Workbook();
      await book.xlsx.load(
        readFileSync((await download.path())!) as unknown as Parameters<typeof book.xlsx.load>[0],
      );
      const rows: unknown[][] = [];
      book.getWorksheet('统计')!.eachRow((row, n) => {
        if (n > 2) rows.push([1, 2, 3].map((c) => row.getCell(c).value));
      });
      expect(rows).toEqual(table.map((r) => [r.group, r.item, r.value]));
    });
  });
});
