import { randomUUID } from 'node:crypto';
import { dateInShanghai, loadWorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { bearer } from '@sanxiang/testing';
import type { Page } from 'playwright-core';
import { loadDemoData, renameDemoCases } from '../../../scripts/demo/demo-loader';
import { demoCases, users } from '../../../scripts/demo/demo-data';
import { listDisclosures } from '../../../scripts/demo/support/case-steps';
import { createStaffApi } from '../../../scripts/demo/support/staff-api';
import { pick, screenshot, seriousViolations, typeDate, useConsoleInBrowser } from './support/browser';
import { choose, openDisclosureFromList, untilPublished } from './support/disclosures';

// The disclosure part of a case by clicking only (#12 disclosure staff, #13 items 2 and 9): real
// Chromium, the real console server and identity provider, the real services and worker. The case
// (demo case 105: a natural person, so the name is masked) is taken to its decision through the
// services' APIs by the demo loader, as `npm start` does; from the draft on, each step is a person
// at their own page: 孙丽 (公示专员) adjusts the redaction and submits, 刘晓燕 (法制审核员) checks,
// 周建国 (支队长) approves, the worker publishes, the decision is found on the public platform; then
// a withdrawal is requested, checked and approved the same way and the public page shows the notice.

const suffix = `D${randomUUID().slice(0, 6)}`;
const template = renameDemoCases(suffix, demoCases).find((c) => c.story.caseNumber.includes('〔2026〕105-'))!;
const caseNumber = template.story.caseNumber;
const documentNumber = template.story.decision.documentNumber;
let disclosureId = '';

const app = useConsoleInBrowser({
  cases: () => [caseNumber],
  // The case to its draft through the services' APIs, as `npm start`'s demo loader does.
  prepare: async (system) => {
    const api = createStaffApi({ baseUrls: system.urls, authorization: (user) => bearer(user) });
    const lines: string[] = [];
    try {
      await loadDemoData({
        api,
        calendar: await loadWorkingDayCalendar({}),
        cases: [{ ...template, target: 'disclosureDraft' }],
        log: (l) => lines.push(l),
      });
    } catch (err) {
      if (err instanceof Error) err.message = `${err.message}\n--- demo loader ---\n${lines.join('\n')}`;
      throw err;
    }
    const [draft] = await listDisclosures(api, users.discloser, { caseNumber, kind: 'decision' });
    if (draft?.status !== 'draft')
      throw new Error(`no disclosure draft for ${caseNumber}: ${JSON.stringify(draft)}`);
    disclosureId = draft.id;
  },
});
const { as } = app;

/** From 公示管理's tab to the record, by clicking its title. */
async function openFromList(page: Page, tab: string) {
  expect(await openDisclosureFromList(page, tab, documentNumber)).toBe(disclosureId);
}

const axeClean = async (page: Page) => expect(await seriousViolations(page)).toEqual([]);

describe('disclosure staff and heads publish a decision and take it down, by clicking', () => {
  it('孙丽 sees the original and the public text side by side, adjusts the redaction and submits', async () => {
    await as('sunli', '/disclosures', async (page) => {
      await openFromList(page, '草稿');
      const table = page.getByRole('table').filter({ hasText: '公开文本' }).first();
      await table.waitFor();
      const partyRow = table.getByRole('row').filter({ hasText: '行政相对人' });
      // The party is a natural person: the name is masked, and both sides mark what changed.
      expect(await partyRow.locator('mark.redacted-original').allTextContents()).toEqual(['建国']);
      expect(await partyRow.locator('mark.redacted-public').allTextContents()).toEqual(['某']);
      const contentRow = table.getByRole('row').filter({ hasText: '执法内容' });
      expect(await contentRow.textContent()).toContain('3204**********7818');
      expect(await contentRow.textContent()).toContain('150****4567');
      await screenshot(page, 'disclosure-draft-editor');
      await axeClean(page);

      // One more term hidden: the preview comes from the service and is marked before saving.
      await page.getByRole('button', { name: '添加隐去词语' }).click();
      await page.getByLabel('隐去词语 1').fill('18 名求职者');
      await page.getByLabel('词语 1 替换为').fill('多名求职者');
      // The service's preview: the changed characters are marked, the report counts the rule.
      await page.getByText('执法内容 · 指定词语 1 处').waitFor();
      expect(await contentRow.textContent()).toContain('向 多名求职者收取');
      expect(await contentRow.locator('mark.redacted-public').allTextContents()).toContain('多');
      expect(await contentRow.locator('mark.redacted-original').allTextContents()).toContain('18 ');
      await page.getByText('含未保存的规则调整').waitFor();
      await page.getByLabel('修改说明').fill('隐去求职者人数');
      await page.getByRole('button', { name: '保存为新版本' }).click();
      await page.getByText('原文与公开文本（第 2 版）').waitFor();
      await screenshot(page, 'disclosure-draft-adjusted', table);

      await page.getByRole('button', { name: '提交审核', exact: true }).click();
      await page.getByText('待审核', { exact: true }).first().waitFor();
      await page.getByText(/提交审核（第 2 版）· 孙丽/u).waitFor();
      // The author's own check is not offered (and the service would refuse it).
      expect(await page.getByRole('button', { name: '提交审核意见' }).count()).toBe(0);
    });
  }, 180_000);

  it('刘晓燕 checks the submitted version from her 待审核 list', async () => {
    await as('liuxiaoyan', '/disclosures', async (page) => {
      await openFromList(page, '待审核');
      await page.getByText('审核公开文本（第 2 版）').waitFor();
      await choose(page, '审核通过');
      await screenshot(page, 'disclosure-check');
      await axeClean(page);
      await page.getByRole('button', { name: '提交审核意见' }).click();
      await page.getByText('等待负责人批准').waitFor();
    });
  }, 120_000);

  it('周建国 approves it and the worker publishes it', async () => {
    await as('zhoujianguo', '/disclosures', async (page) => {
      await openFromList(page, '待负责人批准');
      await choose(page, '批准公示');
      await axeClean(page);
      await page.getByRole('button', { name: '提交批准意见' }).click();
      // The lifecycle workflow publishes (POST /internal/disclosures/{id}/publish); reload until then.
      await untilPublished(page, documentNumber);
      await page.getByText(/负责人批准（第 2 版）· 周建国/u).waitFor();
      await screenshot(page, 'disclosure-published');
    });
  }, 120_000);

  it('the published decision is found on the public platform, redacted as approved', async () => {
    const page = await app.context.newPage();
    try {
      await page.goto(`${app.system.urls.disclosure}/public`);
      await page.getByLabel('关键词').fill(documentNumber);
      await Promise.all([page.waitForURL(/q=/u), page.getByRole('button', { name: '检索' }).click()]);
      const results = page.getByRole('region', { name: '检索结果' });
      await Promise.all([
        page.waitForURL(`${app.system.urls.disclosure}/public/decisions/${disclosureId}`),
        results.getByRole('link', { name: documentNumber }).click(),
      ]);
      const main = (await page.getByRole('main').textContent()) ?? '';
      expect(main).toContain('王某');
      expect(main).toContain('多名求职者');
      expect(main).not.toContain('王建国');
      expect(main).not.toContain('320402199001017818');
      await screenshot(page, 'disclosure-public-decision');
    } finally {
      await page.close();
    }
  }, 60_000);

  it('孙丽 requests the withdrawal, citing the revoking document, with an explanation', async () => {
    await as('sunli', `/disclosures/${disclosureId}`, async (page) => {
      await page.getByText('申请撤下', { exact: true }).waitFor();
      await pick(page, page.getByRole('combobox', { name: '撤下原因' }), '原行政执法决定被依法撤销');
      await page.getByLabel('撤销或确认文书文号').fill(`常政复决字〔2026〕${suffix}号`);
      const today = dateInShanghai(new Date());
      await typeDate(page, page.getByLabel('文书日期'), today);
      await page.getByLabel('作出机关').fill('常州市人民政府');
      // A five-character explanation is refused beside its field, in Chinese.
      await page.getByLabel('撤下说明（随撤下公告公开）').fill('决定被撤销');
      await page.getByRole('button', { name: '提交撤下申请' }).click();
      await page
        .getByText(/应为完整的一句话/u)
        .first()
        .waitFor();
      await page
        .getByLabel('撤下说明（随撤下公告公开）')
        .fill('该行政处罚决定已被常州市人民政府行政复议决定撤销，依法撤下原公示信息。');
      await screenshot(page, 'disclosure-withdrawal-request');
      await axeClean(page);
      await page.getByRole('button', { name: '提交撤下申请' }).click();
      await page.getByText('撤下申请 · 待审核').waitFor();
    });
  }, 120_000);

  it('刘晓燕 checks the withdrawal and 周建国 approves it; the public page shows the notice', async () => {
    await as('liuxiaoyan', '/disclosures', async (page) => {
      await openFromList(page, '撤下/不予公开待审核');
      await page.getByText('撤下申请 · 待审核').waitFor();
      await choose(page, '审核通过');
      await page.getByRole('button', { name: '提交审核意见' }).click();
      await page.getByText('撤下申请 · 待负责人批准').waitFor();
    });
    await as('zhoujianguo', '/disclosures', async (page) => {
      await openFromList(page, '撤下/不予公开待批准');
      await choose(page, '批准撤下');
      await axeClean(page);
      await page.getByRole('button', { name: '提交批准意见' }).click();
      await page.getByText('已撤下', { exact: true }).first().waitFor();
      await screenshot(page, 'disclosure-withdrawn');
    });

    const page = await app.context.newPage();
    try {
      await page.goto(`${app.system.urls.disclosure}/public?q=${encodeURIComponent(documentNumber)}`);
      const results = page.getByRole('region', { name: '检索结果' });
      expect(await results.getByText('已撤下').count()).toBe(1);
      await page.goto(`${app.system.urls.disclosure}/public/decisions/${disclosureId}`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('行政执法决定公示信息已撤下');
      const main = (await page.getByRole('main').textContent()) ?? '';
      expect(main).toContain('已被常州市人民政府行政复议决定撤销');
      expect(main).not.toContain('多名求职者');
      await screenshot(page, 'disclosure-public-withdrawn');
    } finally {
      await page.close();
    }
  }, 180_000);
});
