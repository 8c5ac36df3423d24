import { randomUUID } from 'node:crypto';
import { loadWorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { bearer } from '@sanxiang/testing';
import type { Page } from 'playwright-core';
import { loadDemoData, renameDemoCases } from '../../../scripts/demo/demo-loader';
import { demoCases } from '../../../scripts/demo/demo-data';
import { createStaffApi } from '../../../scripts/demo/support/staff-api';
import { pick, screenshot, seriousViolations, typeDate, useConsoleInBrowser } from './support/browser';
import { choose, openDisclosureFromList } from './support/disclosures';

// 更正申请 and 事前公开目录 by clicking (#12 disclosure staff): real Chromium, the real console
// server and identity provider, the real services and worker. Demo case 101 is published through
// the services' APIs (as `npm start`'s demo loader does, with the catalogue's entries); a member of
// the public asks for a correction through the public platform's API; from there each step is a
// person at their own page: 孙丽 (公示专员) finds the request, is refused 已更正 before correcting,
// corrects the decision for it, submits; 刘晓燕 checks; 周建国 approves (republished at once); 孙丽
// answers 已更正 and the requester reads the answer by the tracking number. Then 孙丽 registers a
// change of law affecting a catalogue entry, updates the entry, and drafts a new entry from the form.

const suffix = `C${randomUUID().slice(0, 6)}`;
const template = renameDemoCases(suffix, demoCases).find((c) => c.story.caseNumber.includes('〔2026〕101-'))!;
const caseNumber = template.story.caseNumber;
const documentNumber = template.story.decision.documentNumber;
let disclosureId = '';
let trackingNumber = '';
const corrected = `自收到本决定书之日起 15 日内改正，并向劳动者支付加班工资（${suffix}）。`;
const changeTitle = `《劳动保障监察条例》修订（${suffix}）`;
let changeId = '';

const app = useConsoleInBrowser({
  cases: () => [caseNumber],
  prepare: async (system) => {
    const api = createStaffApi({ baseUrls: system.urls, authorization: (user) => bearer(user) });
    const lines: string[] = [];
    try {
      const loaded = await loadDemoData({
        api,
        calendar: await loadWorkingDayCalendar({}),
        cases: [template],
        log: (l) => lines.push(l),
      });
      disclosureId = loaded.published.find((p) => p.caseNumber === caseNumber)?.disclosureId ?? '';
    } catch (err) {
      if (err instanceof Error) err.message = `${err.message}\n--- demo loader ---\n${lines.join('\n')}`;
      throw err;
    }
    if (!disclosureId) throw new Error(`${caseNumber} not published by the demo loader`);
    // A member of the public asks, as the public platform's form does.
    const res = await fetch(`${system.urls.disclosure}/api/public/correction-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        decisionId: disclosureId,
        requesterName: '常州味香园餐饮管理有限公司',
        requesterKind: 'organisation',
        contactPhone: '0519-86661234',
        description: '公示的履行方式和期限写错了：决定书写的是 15 日内改正，公示为 30 日。',
        evidence: '行政处罚决定书送达回证及决定书第 3 页复印件（已寄送）。',
      }),
    });
    if (res.status !== 201) throw new Error(`correction request: ${res.status} ${await res.text()}`);
    trackingNumber = ((await res.json()) as { trackingNumber: string }).trackingNumber;
  },
});
const { as } = app;
const axeClean = async (page: Page) => expect(await seriousViolations(page)).toEqual([]);

describe('更正申请 and 事前公开目录, by clicking', () => {
  it('孙丽 finds the request, may not answer 已更正 before correcting, and corrects the decision for it', async () => {
    await as('sunli', '/tasks', async (page) => {
      await page.getByRole('link', { name: '更正申请' }).first().click();
      await page.getByRole('heading', { name: '更正申请' }).waitFor();
      const link = page.getByRole('link', { name: trackingNumber });
      await link.waitFor();
      // The record is named by its document number, not an id.
      await page.getByRole('link', { name: documentNumber }).first().waitFor();
      await screenshot(page, 'corrections-queue');
      await axeClean(page);
      await link.click();
      await page.getByRole('heading', { name: `更正申请 ${trackingNumber}` }).waitFor();
      await page.getByText('公示的履行方式和期限写错了').waitFor();

      // 已更正 before any correction: refused by the service, said in words.
      await choose(page, '已更正');
      await page.getByLabel('答复内容（申请人凭受理编号查看）').fill('经核实，已更正公示内容。');
      await page.getByRole('button', { name: '提交答复' }).click();
      await page.getByRole('alert').filter({ hasText: '请先针对该申请完成更正' }).waitFor();

      await page.getByRole('button', { name: '针对本申请更正公示内容' }).click();
      await page.getByLabel('履行方式和期限').fill(corrected);
      await page.getByLabel('更正理由').fill('依申请人提供的决定书核对，履行期限公示有误');
      await screenshot(page, 'corrections-request', page.getByText('更正公示内容（在第'));
      await axeClean(page);
      await page.getByRole('button', { name: '保存更正版本' }).click();
      await page.getByText('针对本申请的更正').waitFor();
      await page.getByRole('link', { name: '在公示记录页提交审核' }).click();
      await page.waitForURL(new RegExp(`/disclosures/${disclosureId}$`, 'u'));
      await page
        .getByRole('heading', {
          name: new RegExp(documentNumber.replace(/[()[\]{}.*+?^$|\\]/gu, '\\$&'), 'u'),
        })
        .waitFor();
      await page.getByRole('button', { name: '提交审核', exact: true }).click();
      await page.getByText('待审核', { exact: true }).first().waitFor();
    });
  }, 180_000);

  it('刘晓燕 checks the correction and 周建国 approves it: republished at once', async () => {
    await as('liuxiaoyan', '/disclosures', async (page) => {
      await openDisclosureFromList(page, '待审核', documentNumber);
      await choose(page, '审核通过');
      await page.getByRole('button', { name: '提交审核意见' }).click();
      await page.getByText('等待负责人批准').waitFor();
    });
    await as('zhoujianguo', '/disclosures', async (page) => {
      await openDisclosureFromList(page, '待负责人批准', documentNumber);
      await choose(page, '批准公示');
      await page.getByRole('button', { name: '提交批准意见' }).click();
      await page.getByText(/已公示第 \d+ 版/u).waitFor();
      await page.getByText(/第 \d+ 版（更正）· 孙丽/u).waitFor();
      // The record links to its page on the public platform.
      expect(await page.getByRole('link', { name: '在公开平台查看' }).getAttribute('href')).toBe(
        `${app.system.urls.disclosure}/public/decisions/${disclosureId}`,
      );
    });
  }, 180_000);

  it('孙丽 answers 已更正; the requester reads the answer by the tracking number', async () => {
    await as('sunli', '/correction-requests', async (page) => {
      await page.getByRole('link', { name: trackingNumber }).click();
      await page.getByText('已重新发布').waitFor();
      await choose(page, '已更正');
      await page
        .getByLabel('答复内容（申请人凭受理编号查看）')
        .fill('经核实，公示的履行期限有误，已更正为 15 日并重新公示。');
      await page.getByRole('button', { name: '提交答复' }).click();
      await page.getByText('已答复', { exact: true }).first().waitFor();
      await screenshot(page, 'corrections-answered');
      await axeClean(page);
    });
    const status = await fetch(
      `${app.system.urls.disclosure}/api/public/correction-requests/${trackingNumber}`,
    );
    const body = (await status.json()) as { statusLabel: string; outcomeLabel: string; answer: string };
    expect(body).toMatchObject({ statusLabel: '已答复', outcomeLabel: '已更正' });
    expect(body.answer).toContain('已更正为 15 日');
    // The public page shows the corrected text.
    const publicPage = await fetch(`${app.system.urls.disclosure}/public/decisions/${disclosureId}`);
    expect(await publicPage.text()).toContain(suffix);
  }, 120_000);

  it('孙丽 registers a change of law affecting a catalogue entry; the change page lists it, not yet updated', async () => {
    await as('sunli', '/catalogue', async (page) => {
      await page.getByRole('heading', { name: '事前公开目录' }).waitFor();
      await page.getByRole('link', { name: '劳动保障监察投诉受理' }).waitFor();
      await screenshot(page, 'catalogue-entries');
      await axeClean(page);
      await page.getByRole('button', { name: '登记法规或职能变化' }).click();
      await page.getByRole('heading', { name: '登记法规或职能变化' }).waitFor();
      await choose(page, '法律、法规、规章或规范性文件立改废');
      await page.getByLabel('变更事项（如《劳动保障监察条例》修订）').fill(changeTitle);
      await page.getByLabel('变更说明').fill('投诉受理时限由 5 个工作日调整为 3 个工作日。');
      await typeDate(page, page.getByLabel('生效日期'), '2026-12-01');
      // A multiple choice stays open after a pick: chosen, then closed with Escape, as a person does.
      const entries = page.getByRole('combobox', { name: '受影响的目录条目' });
      await entries.click();
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .filter({ hasText: '劳动保障监察投诉受理' })
        .first()
        .click();
      await page.locator('.ant-select-selection-item', { hasText: '劳动保障监察投诉受理' }).waitFor();
      await entries.press('Escape');
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
        .waitFor({ state: 'detached' });
      await axeClean(page);
      await page.getByRole('button', { name: '登记并开始计时' }).click();
      await page.waitForURL(/\/catalogue-changes\/[0-9a-f-]{36}$/u);
      changeId = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByRole('heading', { name: changeTitle }).waitFor();
      await page.getByText('受影响的目录条目（已更新 0 / 1）').waitFor();
      await page.getByText('未更新', { exact: true }).waitFor();
      await screenshot(page, 'catalogue-change');
      await axeClean(page);

      // The entry: its text in words, updated through the form drawn from the service's schema.
      await page.getByRole('link', { name: '劳动保障监察投诉受理' }).click();
      await page.waitForURL(/\/disclosures\/[0-9a-f-]{36}$/u);
      await page.getByText('受理机构').first().waitFor();
      await page.getByRole('button', { name: /更新目录条目/u }).click();
      await page
        .getByLabel('时限', { exact: true })
        .fill('受理之日起 60 个工作日内办结（投诉审查 3 个工作日）');
      await page.getByLabel('修改说明').fill(`依${changeTitle}更新`);
      await screenshot(page, 'catalogue-entry-update');
      await axeClean(page);
      await page.getByRole('button', { name: '保存为新版本' }).click();
      await page.getByRole('button', { name: '提交审核', exact: true }).click();
      await page.getByText('待审核', { exact: true }).first().waitFor();
    });
  }, 180_000);

  it('刘晓燕 checks the updated entry, 周建国 approves it; the change page counts it updated', async () => {
    await as('liuxiaoyan', '/disclosures', async (page) => {
      await openDisclosureFromList(page, '待审核', '劳动保障监察投诉受理');
      await choose(page, '审核通过');
      await page.getByRole('button', { name: '提交审核意见' }).click();
      await page.getByText('等待负责人批准').waitFor();
    });
    await as('zhoujianguo', '/disclosures', async (page) => {
      await openDisclosureFromList(page, '待负责人批准', '劳动保障监察投诉受理');
      await choose(page, '批准公示');
      await page.getByRole('button', { name: '提交批准意见' }).click();
      await page.getByText('已公示第 2 版', { exact: false }).waitFor();
      await page.goto(`${app.urls().console}/catalogue-changes/${changeId}`);
      await page.getByText('受影响的目录条目（已更新 1 / 1）').waitFor();
      await page.getByText(/已更新（第 2 版/u).waitFor();
      await screenshot(page, 'catalogue-change-updated');
      await axeClean(page);
    });
  }, 180_000);

  it('孙丽 drafts a new catalogue entry from the form; a wrong post code is refused beside its field', async () => {
    await as('sunli', '/catalogue/new', async (page) => {
      await page.getByRole('heading', { name: '起草目录条目' }).waitFor();
      await pick(page, page.getByRole('combobox', { name: '目录类别' }), '监督方式');
      await page.getByLabel('标题', { exact: true }).fill(`劳动保障监察行风监督（${suffix}）`);
      await page.getByLabel('地址', { exact: true }).fill('常州市龙城大道 1280 号行政中心 2 号楼');
      await page.getByLabel('邮政编码', { exact: true }).fill('2130');
      await page.getByLabel('电话', { exact: true }).fill('0519-85680000');
      await page.getByLabel('电子邮箱', { exact: true }).fill('hangfeng@hrss.changzhou.example.cn');
      await page
        .getByLabel('程序', { exact: true })
        .fill('收到监督意见后 5 个工作日内核实，15 个工作日内答复。');
      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.getByText('邮政编码应为 6 位数字').first().waitFor();
      await axeClean(page);
      await page.getByLabel('邮政编码', { exact: true }).fill('213022');
      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.waitForURL(/\/disclosures\/[0-9a-f-]{36}$/u);
      await page.getByRole('heading', { name: `劳动保障监察行风监督（${suffix}）` }).waitFor();
      await page.getByText('草稿', { exact: true }).first().waitFor();
      await screenshot(page, 'catalogue-entry-draft');
      await axeClean(page);
    });
  }, 120_000);
});
