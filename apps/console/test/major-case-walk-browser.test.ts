import type { Locator, Page } from 'playwright-core';
import {
  majorCriterionLabel,
  reviewPointLabel,
  ZMajorCriterion,
  ZReviewPoint,
} from '@sanxiang/shared/src/domain';
import { dateInShanghai } from '@sanxiang/shared/src/calendar';
import { formatDateTime } from '@sanxiang/shared/src/format';
import { pick, screenshot, seriousViolations, typeDate, useConsoleInBrowser } from './support/browser';
import { choose, openDisclosureFromList, untilPublished } from './support/disclosures';

// A major case (重大执法决定) taken from its proposal through legal review with a 补充调查 round,
// the opinion, collective discussion and the head's approval to the decision, and on to its
// publication (the worker's draft in 公示管理, the check, the head's approval, the public platform)
// and its withdrawal once the decision is revoked (request, check, approval, the public notice),
// by clicking only: real Chromium, the real console server and built app, the real identity provider
// on the demo directory (each person signs in as themself), the real services and worker. Steps run
// in order; each is one person at their own page.

const serial = Math.floor(Math.random() * 90_000) + 10_000;
const caseNumber = `常人社监察〔2026〕${serial}号`;
const party = `常州市新北区宏达建筑劳务有限公司${serial}`;
const caseUrl = `/cases/${encodeURIComponent(caseNumber)}`;
const documentNumber = `常人社监罚〔2026〕${serial}号`;
/** The decision's disclosure, drafted by the worker (found in 公示管理). */
let disclosureId = '';

const app = useConsoleInBrowser({ cases: () => [caseNumber] });
const { as } = app;

/**
 * What the worker does in the background (a review handed over, a stage changed) shows after a
 * reload, as a person would see it: reloads until `target` is there.
 */
async function afterReloads(page: Page, target: () => Locator, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    // Looked for once the page has loaded and its queries have answered (a busy machine is slow).
    await page.waitForLoadState('networkidle');
    try {
      await target().first().waitFor({ timeout: 2_000 });
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await page.reload();
    }
  }
}

const submit = (page: Page, name: string) =>
  page
    .getByRole('button', { name: name.split('').join(' ') })
    .or(page.getByRole('button', { name, exact: true }))
    .last()
    .click();

/** The 办理 card of the case page, on one of its tabs. */
async function caseTab(page: Page, tab: string): Promise<Locator> {
  await page.getByRole('heading', { name: caseNumber }).waitFor();
  await page.getByRole('tab', { name: tab }).click();
  return page.getByRole('tabpanel', { name: tab });
}

/** 登记记录: a record of `kind` through the form drawn from its schema; `fill` fills its fields. */
async function fileRecord(page: Page, kind: string, fill: (panel: Locator) => Promise<void>) {
  const panel = await caseTab(page, '登记记录');
  await pick(page, panel.getByRole('combobox', { name: '记录种类' }), kind);
  await fill(panel);
  await submit(page, '登记');
  await page
    .locator('.ant-card')
    .filter({ hasText: /^执法记录（\d+）/u })
    .getByRole('cell', { name: kind, exact: true })
    .first()
    .waitFor();
}

/** 审核要点: a conclusion and what was found for each of the nine points, then saved. */
async function nineFindings(page: Page, issue?: string) {
  for (const point of ZReviewPoint.options) {
    const label = reviewPointLabel[point];
    const found = point === issue;
    await pick(page, page.getByRole('combobox', { name: `${label}的结论` }), found ? '发现问题' : '无问题');
    await page
      .getByLabel(`${label}的审核情况`)
      .fill(found ? '工资发放表缺少 2026 年 9 月的签收记录，欠薪金额无法核实' : '经审查无问题');
  }
  await page.getByRole('button', { name: '保存审核要点' }).click();
  await page.getByText('经审查无问题').first().waitFor();
}

/** 审核办法第四条: the six criteria answered one by one; the case directly affects major rights. */
async function assessMajor(form: Locator) {
  for (const criterion of ZMajorCriterion.options) {
    const label = majorCriterionLabel[criterion];
    const applies = criterion === 'majorRightsAffected';
    await form
      .getByRole('radiogroup', { name: `${label}：是否符合` })
      .getByText(applies ? '是' : '否', { exact: true })
      .click();
    await form
      .getByLabel(`${label}的理由`)
      .fill(applies ? '拖欠 46 名农民工工资 186.24 万元，直接关系其重大权益' : '不涉及');
  }
}

/** The reviewer opens the round of this case from the queue (filtered by case number). */
async function openFromQueue(page: Page, round: number) {
  await page.getByRole('heading', { name: '法制审核队列' }).waitFor();
  await page.getByLabel('案号').fill(caseNumber);
  await submit(page, '查询');
  const row = page.getByRole('row').filter({ hasText: `第 ${round} 轮` });
  await row.getByRole('link', { name: caseNumber }).click();
  await page.getByRole('heading', { name: `法制审核 · ${caseNumber}` }).waitFor();
}

/** `YYYY-MM-DD HH:mm`, Beijing time, as a person types it into the date picker. */
const minutesAgo = (m: number) => formatDateTime(new Date(Date.now() - m * 60_000));

describe('a major case through legal review, collective discussion and the head’s approval to publication and withdrawal', () => {
  it('张伟 opens the case and files what the proposal needs', async () => {
    await as('zhangwei', '/cases/new', async (page) => {
      await page.getByRole('heading', { name: '立案' }).waitFor();
      await page.getByLabel('案号').fill(caseNumber);
      await page.getByLabel('案由').fill('拖欠农民工工资');
      await page.getByLabel('执法类别').fill('劳动保障监察');
      await page.getByLabel('执法区域').fill('常州市新北区');
      await page.getByLabel('当事人名称').fill(party);
      await page.getByLabel('身份证号或统一社会信用代码').fill('91320411MA1YYYYY1Z');
      await pick(page, page.getByRole('combobox', { name: '执法人员 1' }), '张伟', '张伟');
      await pick(page, page.getByRole('combobox', { name: '执法人员 2' }), '李娜', '李娜');
      await submit(page, '立案');
      await page.waitForURL(`${app.system.urls.console}${caseUrl}`);

      const activity = await caseTab(page, '执法活动');
      await pick(page, activity.getByRole('combobox', { name: '活动类别' }), '现场检查');
      await activity.getByLabel('活动名称').fill('现场检查（项目部）');
      await activity.getByLabel('地点').fill('常州市新北区锦绣路 8 号');
      await typeDate(page, activity.getByLabel('开始时间'), minutesAgo(120));
      await activity.getByRole('button', { name: '登记执法活动' }).click();
      await page.getByRole('tab', { name: '上传证据', selected: true }).waitFor();
      await uploadDocument(page, '农民工工资发放表.pdf', '工资发放表（2026年7-8月）', 1);

      await fileRecord(page, '承办人意见', async (form) => {
        await form.getByLabel('事实').fill('当事人拖欠 46 名农民工 2026 年 7 至 9 月工资共计 186.24 万元');
        await form.getByLabel('法律依据').fill('《保障农民工工资支付条例》第五十五条');
        await form.getByLabel('拟作出的决定').fill('责令限期支付并处罚款八万元');
      });
      await fileRecord(page, '调查终结报告', async (form) => {
        await typeDate(page, form.getByLabel('调查终结时间'), minutesAgo(60));
        await form.getByLabel('案件来源').fill('农民工投诉');
        await form.getByLabel('调查经过').fill('现场检查、询问当事人、调取工资发放表');
        await form
          .getByLabel('违法事实')
          .or(form.getByLabel('事实', { exact: true }))
          .first()
          .fill('拖欠工资');
        await form.getByLabel('证据', { exact: true }).first().fill('工资发放表、询问笔录、现场照片');
        await form.getByLabel('法律依据').fill('《保障农民工工资支付条例》第五十五条');
        await form.getByLabel('处理意见').fill('责令限期支付并处罚款八万元');
      });
      await fileRecord(page, '行政执法决定书', async (form) => {
        await pick(page, form.getByRole('combobox', { name: '状态' }), '代拟稿');
        await form.getByLabel('标题').fill('行政处罚决定书（代拟稿）');
        await pick(page, form.getByRole('combobox', { name: '决定类别' }), '行政处罚');
        await form.getByLabel('当事人').fill(party);
        await form.getByLabel('事实').first().fill('拖欠农民工工资 186.24 万元');
        await form.getByLabel('法律依据').fill('《保障农民工工资支付条例》第五十五条');
        await form.getByLabel('执法决定').or(form.getByLabel('处理决定')).first().fill('罚款八万元');
        await form.getByLabel('履行情况').or(form.getByLabel('履行方式和期限')).first().fill('十五日内缴纳');
        await form.getByLabel('救济途径和期限').fill('六十日内申请行政复议或六个月内提起行政诉讼');
        await form.getByLabel('执法机关').fill('常州市人力资源和社会保障局');
      });
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(
        page,
        'major-case-records',
        page.locator('.ant-card').filter({ hasText: /^执法记录/u }),
      );
    });
  }, 300_000);

  it('张伟 submits the major proposal with the checklist of materials complete', async () => {
    await as('zhangwei', caseUrl, async (page) => {
      const form = await caseTab(page, '提交拟决定');
      await form.getByText('重大执法决定（须经法制审核）').click();
      await assessMajor(form);
      await pick(page, form.getByRole('combobox', { name: '调查终结报告' }), '调查终结报告');
      await pick(page, form.getByRole('combobox', { name: '拟作出决定及情况说明' }), '承办人意见');
      await pick(
        page,
        form
          .getByRole('combobox', { name: '行政执法决定书代拟稿' })
          .or(form.getByRole('combobox', { name: /代拟稿/u }))
          .first(),
        '行政执法决定书',
      );
      await pick(
        page,
        form
          .getByRole('combobox', { name: '证据材料' })
          .or(form.getByRole('combobox', { name: /^证据/u }))
          .first(),
        '农民工工资发放表.pdf',
      );
      await pick(page, form.getByRole('combobox', { name: /其他材料/u }), '无其他材料');
      await pick(page, form.getByRole('combobox', { name: '拟作出的决定类别' }), '行政处罚');
      await form.getByLabel('拟作出决定及情况说明').last().fill('拟责令限期支付拖欠工资，并处罚款八万元');
      await screenshot(page, 'major-proposal-checklist', form);
      expect(await seriousViolations(page)).toEqual([]);
      await form.getByRole('button', { name: '提交拟作出的决定' }).click();
      await page.getByRole('tab', { name: '补充材料', selected: true }).waitFor();
      // The round appears with its 10-working-day due date (the worker hands it to legal review).
      const rounds = () => page.locator('.ant-card').filter({ hasText: /^期限与督办/u });
      await afterReloads(page, () => rounds().getByRole('link', { name: '第 1 轮' }));
    });
  }, 300_000);

  it('刘晓燕 takes round 1 from the queue and asks for materials by a date', async () => {
    await as('liuxiaoyan', '/reviews', async (page) => {
      await openFromQueue(page, 1);
      await page.getByRole('button', { name: '由我承办' }).click();
      await page.getByRole('button', { name: '要求补充材料' }).waitFor();
      // A multiple choice: the list stays open after a pick and closes with Escape.
      await page.getByRole('combobox', { name: '需补充的材料' }).click();
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .filter({ hasText: '其他材料' })
        .click();
      await page.keyboard.press('Escape');
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
        .first()
        .waitFor({ state: 'detached' });
      const due = dateInShanghai(new Date(Date.now() + 7 * 86_400_000));
      await typeDate(page, page.getByLabel('补充期限'), due);
      await page.getByLabel('说明').fill('请补充 2026 年 9 月工资签收记录');
      await page.getByRole('button', { name: '要求补充材料' }).click();
      await page.getByText(/要求补充：其他材料/u).waitFor();
      await page.getByText('待补充材料').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'major-review-material-request');
    });
  }, 180_000);

  it('李娜 uploads the missing record and answers the request', async () => {
    await as('lina', caseUrl, async (page) => {
      await caseTab(page, '上传证据');
      await uploadDocument(page, '工资签收记录（2026年9月）.pdf', '9 月工资签收记录', 2);
      const panel = await caseTab(page, '补充材料');
      await pick(page, panel.getByRole('combobox', { name: '其他材料' }), '工资签收记录');
      await screenshot(page, 'major-material-answer', panel);
      expect(await seriousViolations(page)).toEqual([]);
      await panel.getByRole('button', { name: '提交补充材料' }).click();
      await panel.getByText('法制审核机构没有待补充的材料').waitFor();
    });
  }, 180_000);

  it('刘晓燕 records the nine points and sends the case back for 补充调查', async () => {
    await as('liuxiaoyan', '/reviews', async (page) => {
      await openFromQueue(page, 1);
      await page
        .getByText(/已收到/u)
        .first()
        .waitFor();
      await nineFindings(page, 'factsAndEvidence');
      await pick(page, page.getByRole('combobox', { name: '审核意见' }), '补充调查');
      await page
        .getByLabel('理由（书面意见）')
        .fill('欠薪金额的证据不充分，请补充调查 9 月工资的实际发放情况');
      await page.getByRole('button', { name: '出具审核意见' }).click();
      await page.getByText('已出具意见').first().waitFor();
      await screenshot(page, 'major-review-opinion-supplement');
    });
  }, 180_000);

  it('张伟 sees the case back in investigation, adds the evidence and resubmits (round 2)', async () => {
    await as('zhangwei', caseUrl, async (page) => {
      await page.getByRole('heading', { name: caseNumber }).waitFor();
      await afterReloads(page, () => page.getByText(/第 1 轮审核意见：补充调查/u));
      await caseTab(page, '上传证据');
      await uploadDocument(page, '银行代发工资流水（2026年9月）.pdf', '9 月银行代发流水', 3);
      const form = await caseTab(page, '提交拟决定');
      await form.getByText('重大执法决定（须经法制审核）').click();
      await assessMajor(form);
      await pick(page, form.getByRole('combobox', { name: '调查终结报告' }), '调查终结报告');
      await pick(page, form.getByRole('combobox', { name: '拟作出决定及情况说明' }), '承办人意见');
      await pick(page, form.getByRole('combobox', { name: /代拟稿/u }).first(), '行政执法决定书');
      await pick(page, form.getByRole('combobox', { name: '相关证据材料' }), '银行代发工资流水');
      await pick(page, form.getByRole('combobox', { name: /其他材料/u }), '工资签收记录');
      await pick(page, form.getByRole('combobox', { name: '拟作出的决定类别' }), '行政处罚');
      await form
        .getByLabel('拟作出决定及情况说明')
        .last()
        .fill('补充调查后，拟责令限期支付拖欠工资，并处罚款八万元');
      await form.getByRole('button', { name: '提交拟作出的决定' }).click();
      const rounds = () => page.locator('.ant-card').filter({ hasText: /^期限与督办/u });
      await afterReloads(page, () => rounds().getByRole('link', { name: '第 2 轮' }));
      await screenshot(page, 'major-case-round-2', rounds());
    });
  }, 300_000);

  it('刘晓燕 reviews round 2 and agrees (同意)', async () => {
    await as('liuxiaoyan', '/reviews', async (page) => {
      await openFromQueue(page, 2);
      await page.getByRole('button', { name: '由我承办' }).click();
      await page.getByRole('button', { name: '出具审核意见' }).waitFor();
      await nineFindings(page);
      await pick(page, page.getByRole('combobox', { name: '审核意见' }), '同意');
      await page
        .getByLabel('理由（书面意见）')
        .fill('主体合法，程序合法，事实清楚，证据确凿，同意作出处罚决定');
      await page.getByRole('button', { name: '出具审核意见' }).click();
      await page.getByText('已出具意见').first().waitFor();
      // Both rounds in the history, the first with its 补充调查.
      const history = page.locator('.ant-card').filter({ hasText: /^审核轮次/u });
      await history.getByRole('cell', { name: '补充调查' }).waitFor();
      await history.getByRole('cell', { name: '同意' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'major-review-round-2', history);
    });
  }, 180_000);

  it('周建国 finds the case in 待我审批 and files the collective discussion and his approval', async () => {
    await as('zhoujianguo', '/approvals', async (page) => {
      await page.getByRole('heading', { name: '待我审批' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: caseNumber });
      await afterReloads(page, () => row);
      await row.getByText('待集体讨论').waitFor();
      await row.getByText('待负责人审批').waitFor();
      await row.getByText('第 2 轮 同意').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'approvals-page');
      await row.getByRole('link', { name: caseNumber }).click();

      const discussion = await caseTab(page, '集体讨论');
      await typeDate(page, discussion.getByLabel('举行时间'), minutesAgo(30));
      await discussion.getByLabel('地点').fill('支队三楼会议室');
      await discussion.getByLabel('主持人').fill('周建国');
      const people = discussion.getByRole('combobox', { name: '参加人员' });
      for (const name of ['周建国', '黄丽', '张伟', '李娜']) {
        await people.fill(name);
        await people.press('Enter');
      }
      await discussion.getByLabel('讨论情况').fill('经集体讨论，事实清楚，证据确凿，程序合法');
      await discussion.getByLabel('结论').fill('同意处罚决定');
      await screenshot(page, 'major-collective-discussion', discussion);
      expect(await seriousViolations(page)).toEqual([]);
      await discussion.getByRole('button', { name: /登\s?记/u }).click();
      const records = page.locator('.ant-card').filter({ hasText: /^执法记录/u });
      await records.getByRole('cell', { name: '集体讨论记录' }).waitFor();

      const approval = await caseTab(page, '负责人审批');
      await pick(page, approval.getByRole('combobox', { name: '对象' }), '执法决定');
      await approval.getByText('是否批准').click();
      await approval.getByLabel('意见').fill('同意');
      await typeDate(page, approval.getByLabel('批准时间'), minutesAgo(5));
      await approval.getByRole('button', { name: /登\s?记/u }).click();
      await records.getByRole('cell', { name: '负责人审批意见' }).waitFor();
      await screenshot(page, 'major-head-approval', records);

      // Nothing waits for him any more.
      await page.getByRole('menuitem', { name: /待我审批/u }).click();
      await page.getByRole('heading', { name: '待我审批' }).waitFor();
      await page.getByText('没有待审批的案件').waitFor();
      expect(await page.getByRole('row').filter({ hasText: caseNumber }).count()).toBe(0);
    });
  }, 300_000);

  it('张伟 records the decision (登记决定) with the discussion and the approval it rests on', async () => {
    await as('zhangwei', caseUrl, async (page) => {
      const form = await caseTab(page, '登记决定');
      await typeDate(page, form.getByLabel('决定日期'), minutesAgo(0).slice(0, 10));
      await form.getByLabel('文号').fill(documentNumber);
      await pick(page, form.getByRole('combobox', { name: '决定类别' }), '行政处罚');
      await pick(page, form.getByRole('combobox', { name: '集体讨论记录' }), /集体讨论/u);
      await pick(page, form.getByRole('combobox', { name: '负责人审批记录' }), /负责人审批/u);
      await form.getByLabel('公示的执法方式').fill('现场检查、调查询问');
      await form.getByLabel('公示的内容').fill('拖欠 12 名劳动者 2026 年 8 月至 9 月工资');
      await form.getByLabel('公示的执法决定').fill('责令限期支付拖欠工资，并处罚款八万元');
      await form.getByLabel('公示的法律依据').fill('《劳动保障监察条例》第二十六条');
      await form.getByLabel('公示的履行情况').fill('自收到决定书之日起十五日内缴纳罚款');
      await form.getByLabel('公示的执法机关').fill('常州市人力资源和社会保障局');
      const mode = form.getByRole('combobox', { name: '公示信息的方式' });
      if ((await mode.count()) > 0) await pick(page, mode, '公开');
      else await form.getByRole('radio', { name: '公开', exact: true }).check();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'major-decision-form', form);
      await form.getByRole('button', { name: '登记决定' }).click();
      // Accepted by the recording service: only then does the form hand over to 送达.
      await page.getByRole('tab', { name: '送达', selected: true }).waitFor();
      await screenshot(page, 'major-decision-recorded');
    });
  }, 300_000);

  it('孙丽 finds the decision the worker drafted in 公示管理 and submits it for the check', async () => {
    await as('sunli', '/disclosures', async (page) => {
      // Drafted by the lifecycle once the decision is recorded: listed under 草稿 after a reload.
      disclosureId = await openDisclosureFromList(page, '草稿', documentNumber, 90_000);
      const table = page.getByRole('table').filter({ hasText: '公开文本' }).first();
      // A legal person: its name is published as it is.
      await table.getByRole('row').filter({ hasText: '行政相对人' }).getByText(party).first().waitFor();
      await screenshot(page, 'major-disclosure-draft');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: '提交审核', exact: true }).click();
      await page.getByText('待审核', { exact: true }).first().waitFor();
    });
  }, 300_000);

  it('刘晓燕 checks it, 周建国 approves it, and the worker publishes it', async () => {
    await as('liuxiaoyan', '/disclosures', async (page) => {
      expect(await openDisclosureFromList(page, '待审核', documentNumber)).toBe(disclosureId);
      await choose(page, '审核通过');
      await page.getByRole('button', { name: '提交审核意见' }).click();
      await page.getByText('等待负责人批准').waitFor();
    });
    await as('zhoujianguo', '/disclosures', async (page) => {
      expect(await openDisclosureFromList(page, '待负责人批准', documentNumber)).toBe(disclosureId);
      await choose(page, '批准公示');
      await page.getByRole('button', { name: '提交批准意见' }).click();
      await untilPublished(page, documentNumber);
      await screenshot(page, 'major-disclosure-published');
    });
  }, 300_000);

  it('the public finds the decision on the disclosure platform', async () => {
    await app.withPage(async (page) => {
      await page.goto(`${app.system.urls.disclosure}/public?q=${encodeURIComponent(documentNumber)}`);
      const results = page.getByRole('region', { name: '检索结果' });
      await Promise.all([
        page.waitForURL(`${app.system.urls.disclosure}/public/decisions/${disclosureId}`),
        results.getByRole('link', { name: documentNumber }).click(),
      ]);
      const main = (await page.getByRole('main').textContent()) ?? '';
      expect(main).toContain(party);
      expect(main).toContain('责令限期支付拖欠工资，并处罚款八万元');
      await screenshot(page, 'major-public-decision');
    });
  }, 120_000);

  it('孙丽 requests its withdrawal after the decision is revoked; checked and approved, the public sees the notice', async () => {
    await as('sunli', `/disclosures/${disclosureId}`, async (page) => {
      await page.getByText('申请撤下', { exact: true }).waitFor();
      await pick(page, page.getByRole('combobox', { name: '撤下原因' }), '原行政执法决定被依法撤销');
      await page.getByLabel('撤销或确认文书文号').fill(`常政复决字〔2026〕${serial}号`);
      await typeDate(page, page.getByLabel('文书日期'), dateInShanghai(new Date()));
      await page.getByLabel('作出机关').fill('常州市人民政府');
      await page
        .getByLabel('撤下说明（随撤下公告公开）')
        .fill('该行政处罚决定已被常州市人民政府行政复议决定撤销，依法撤下原公示信息。');
      await page.getByRole('button', { name: '提交撤下申请' }).click();
      await page.getByText('撤下申请 · 待审核').waitFor();
    });
    await as('liuxiaoyan', '/disclosures', async (page) => {
      expect(await openDisclosureFromList(page, '撤下/不予公开待审核', documentNumber)).toBe(disclosureId);
      await choose(page, '审核通过');
      await page.getByRole('button', { name: '提交审核意见' }).click();
      await page.getByText('撤下申请 · 待负责人批准').waitFor();
    });
    await as('zhoujianguo', '/disclosures', async (page) => {
      expect(await openDisclosureFromList(page, '撤下/不予公开待批准', documentNumber)).toBe(disclosureId);
      await choose(page, '批准撤下');
      await page.getByRole('button', { name: '提交批准意见' }).click();
      await page.getByText('已撤下', { exact: true }).first().waitFor();
    });
    await app.withPage(async (page) => {
      await page.goto(`${app.system.urls.disclosure}/public/decisions/${disclosureId}`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('行政执法决定公示信息已撤下');
      expect((await page.getByRole('main').textContent()) ?? '').toContain(
        '已被常州市人民政府行政复议决定撤销',
      );
      await screenshot(page, 'major-public-withdrawn');
    });
  }, 300_000);
});

/** 上传证据: a PDF chosen in the upload box, shown in the evidence list as number `count`. */
async function uploadDocument(page: Page, fileName: string, description: string, count: number) {
  const panel = page.getByRole('tabpanel', { name: '上传证据' });
  await pick(page, panel.getByRole('combobox', { name: '所属执法活动' }), '现场检查（项目部）');
  await panel.getByLabel('说明').fill(description);
  const chooser = page.waitForEvent('filechooser');
  await panel.getByText('将录音、录像、照片或文书拖放到此处，或点击选择文件').click();
  await (
    await chooser
  ).setFiles({
    name: fileName,
    mimeType: 'application/pdf',
    buffer: Buffer.from(
      `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%${description}\n%%EOF\n`,
    ),
  });
  const evidence = page.locator('.ant-card').filter({ hasText: `证据（${count}）` });
  await evidence.getByRole('cell', { name: fileName }).waitFor();
}
