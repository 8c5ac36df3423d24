import { randomUUID } from 'node:crypto';
import { lifecycleWorkflowId } from '@sanxiang/shared/src/domain';
import type { TDisclosureDraftRequest } from '@sanxiang/shared/src/contracts';
import { bearer, type TTestUser } from '@sanxiang/testing';
import { users } from '../../../scripts/demo/demo-data';
import { screenshot, seriousViolations, useConsoleInBrowser } from './support/browser';

// 公开完整性核查 in real Chromium (D6.9 selectivePublication; seeds/004 §18, 003 五「选择性公示…责令改正」,
// 000 §19): the real disclosure service holds three decisions of the 监察支队 — one published, one
// left unpublished past its due date, one still within it — and 周建国 sees the unit flagged and the
// left-out decision listed, linking to its record.

const serial = Math.floor(Math.random() * 90_000) + 10_000;
const caseNumberOf = (n: number) => `常人社监察〔2026〕${serial + n}号`;
const documentNumberOf = (n: number) => `常人社监罚〔2026〕${serial + n}号`;
const system: TTestUser = { id: 'system:worker', name: '流程引擎', roles: ['system'] };
const year = Number(new Date().toISOString().slice(0, 4));

const draft = (n: number, dueAt: string): TDisclosureDraftRequest => ({
  caseNumber: caseNumberOf(n),
  workflowId: lifecycleWorkflowId(caseNumberOf(n)),
  cycle: 1,
  party: { kind: 'legalPerson', name: `常州市某某建筑劳务有限公司${n}` },
  decisionDate: `${year}-01-0${n + 4}`,
  documentNumber: documentNumberOf(n),
  decisionKind: 'penalty',
  randomInspection: false,
  publication: {
    enforcementMethod: '现场检查、调取书证',
    content: '经查，该单位拖欠十二名劳动者工资共计八万六千五百元。',
    decision: '责令限期支付劳动者工资，并处罚款人民币二万元。',
    penaltyKind: '罚款',
    legalBasis: '《劳动保障监察条例》第二十六条',
    performance: '自收到决定书之日起十五日内缴纳',
    issuingAuthority: '常州市人力资源和社会保障局',
  },
  disclosure: { mode: 'publish' },
  dueAt,
  unitId: 'jiancha-zhidui',
});

const app = useConsoleInBrowser({
  system: { worker: false },
  prepare: async (s) => {
    const call = async (who: TTestUser, path: string, body: unknown) => {
      const res = await fetch(`${s.urls.disclosure}${path}`, {
        method: 'POST',
        headers: {
          authorization: await bearer(who),
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify(body),
      });
      if (res.status >= 300) throw new Error(`POST ${path} → ${res.status} ${await res.text()}`);
      return (await res.json()) as { disclosureId?: string };
    };
    const created = async (n: number, dueAt: string) =>
      (await call(system, '/internal/disclosures', draft(n, dueAt))).disclosureId!;
    const past = new Date(Date.now() - 10 * 86_400_000).toISOString();
    const later = new Date(Date.now() + 5 * 86_400_000).toISOString();
    // Published (through the check and the head's approval) …
    const published = await created(1, later);
    await call(users.discloser, `/disclosures/${published}/submit`, { version: 1 });
    await call(users.reviewerLiu, `/disclosures/${published}/check`, { version: 1, outcome: 'pass' });
    await call(users.unitHead, `/disclosures/${published}/approval`, { version: 1, outcome: 'approve' });
    await call(system, `/internal/disclosures/${published}/publish`, {
      workflowId: lifecycleWorkflowId(caseNumberOf(1)),
      cycle: 1,
    });
    // … one left unpublished ten days past its due date, one within its period.
    await created(2, past);
    await created(3, later);
  },
});

describe('公开完整性核查', () => {
  it('selectivePublication: shows the head a unit that published one decision and left another unpublished past due (004 §18)', async () => {
    await app.as('zhoujianguo', '/publication-completeness', async (page) => {
      await page.getByRole('heading', { name: '公开完整性核查' }).waitFor();
      await page.getByText('发现选择性公示').waitFor();
      const units = page.locator('.ant-card').filter({ hasText: '按承办机构' });
      const row = units.locator('tr.ant-table-row', { hasText: '常州市劳动保障监察支队' });
      await row.getByText('选择性公示').waitFor();
      const findings = page.locator('.ant-card').filter({ hasText: '未按期公开的决定（1）' });
      await findings.getByRole('cell', { name: documentNumberOf(2) }).waitFor();
      await findings.getByText('逾期未公开').waitFor();
      expect(await findings.getByRole('cell', { name: documentNumberOf(1) }).count()).toBe(0);
      expect(await findings.getByRole('link', { name: caseNumberOf(2) }).getAttribute('href')).toMatch(
        /^\/disclosures\/[0-9a-f-]{36}$/u,
      );
      await page.getByRole('menuitem', { name: /公开完整性核查/u }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'publication-completeness');
    });
  });
});
