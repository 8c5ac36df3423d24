import {
  catalogueUpdateSignals,
  catalogueUpdateWorkflowId,
  catalogueUpdateWorkflowType,
} from '@sanxiang/shared/src/contracts';
import { api, createHarness, step, type THarness } from './support/harness';

// The pre-disclosure catalogue (事前公开): entries through review to the public pages, and a change of
// law that starts the 20-working-day update clock workflow and stops it once every entry is updated.

let h: THarness;
const workflowIds: string[] = [];

const personnel = {
  section: 'personnel',
  name: '刘建军',
  unit: '沈阳市劳动保障监察支队',
  post: '科员',
  certificateNumber: '21010020190123',
  category: '劳动保障监察',
  area: '沈阳市',
  validFrom: '2024-01-01',
  validUntil: '2029-12-31',
};
const procedure = {
  section: 'procedure',
  title: '劳动保障监察行政处罚程序',
  basis: '《劳动保障监察条例》《关于实施〈劳动保障监察条例〉若干规定》',
  steps: [
    { name: '立案', description: '对举报投诉或检查发现的违法线索登记立案', timeLimit: '5 个工作日' },
    { name: '调查取证', description: '两名以上执法人员出示证件，调查取证' },
    { name: '告知', description: '告知拟作出的处罚及陈述、申辩、听证权利' },
    { name: '决定', description: '作出行政处罚决定并送达' },
  ],
};

async function publishEntry(content: object): Promise<string> {
  const res = await api(h)
    .post('/catalogue/entries')
    .set('authorization', h.auth.discloserA)
    .send({ content });
  expect(res.status).toBe(201);
  const id = res.body.id as string;
  await step(h, id, 'submit', 'discloserA', { version: 1 });
  await step(h, id, 'check', 'reviewer', { version: 1, outcome: 'pass' });
  expect(await step(h, id, 'approval', 'head', { version: 1, outcome: 'approve' })).toMatchObject({
    status: 'published',
  });
  return id;
}

beforeAll(async () => {
  h = await createHarness();
}, 60_000);

afterAll(async () => {
  for (const id of workflowIds)
    await h.client.workflow
      .getHandle(id)
      .terminate('test finished')
      .catch(() => undefined);
  await h?.close();
});

// One contract for both sides (packages/shared/src/contracts/disclosure-workflows.ts); these names
// are those running workflows were started with, so they must not change.
it('uses the workflow names running catalogue-update workflows were started with', () => {
  expect(catalogueUpdateWorkflowType).toBe('catalogueUpdateWorkflow');
  expect(catalogueUpdateWorkflowId('x')).toBe('catalogue-update:x');
  expect(catalogueUpdateSignals.catalogueChangeCompleted).toBe('catalogueChangeCompleted');
});

describe('catalogue entries', () => {
  it('validate each section’s fields', async () => {
    const res = await api(h)
      .post('/catalogue/entries')
      .set('authorization', h.auth.discloserA)
      .send({
        content: {
          section: 'supervisionChannel',
          title: '投诉举报',
          address: '沈阳市',
          postCode: '1100',
          phone: '12333',
          email: 'x',
          procedure: '受理后 5 日内反馈',
        },
      });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.content.postCode',
      'body.content.email',
    ]);
    expect(
      (
        await api(h)
          .post('/catalogue/entries')
          .set('authorization', h.auth.reviewer)
          .send({ content: personnel })
      ).status,
    ).toBe(403);
  });

  it('are public only once approved, as the approved version', async () => {
    const draft = await api(h)
      .post('/catalogue/entries')
      .set('authorization', h.auth.discloserA)
      .send({ content: { ...personnel, name: '草稿人员' } });
    const id = await publishEntry(personnel);
    const flow = await publishEntry(procedure);

    const list = await api(h).get('/api/public/catalogue');
    expect(list.body.items.map((i: { id: string }) => i.id).sort()).toEqual([id, flow].sort());
    expect((await api(h).get(`/api/public/catalogue/${draft.body.id}`)).status).toBe(404);

    const page = await api(h).get('/public/catalogue');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<th scope="col">执法证件编号</th>');
    expect(page.text).toContain('21010020190123');
    expect(page.text).not.toContain('草稿人员');
    const chart = await api(h).get(`/public/catalogue/${flow}`);
    expect(chart.text).toContain('<ol class="flow" aria-labelledby="flow-heading">');
    expect(chart.text.indexOf('立案')).toBeLessThan(chart.text.indexOf('调查取证'));
  });
});

describe('a change of law (立改废)', () => {
  let entryA: string;
  let entryB: string;
  let changeId: string;
  let workflowId: string;

  beforeAll(async () => {
    entryA = await publishEntry({ ...personnel, name: '王海', certificateNumber: '21010020190456' });
    entryB = await publishEntry({ ...procedure, title: '劳动保障监察行政处理程序' });
  });

  it('refuses entries that are not catalogue entries', async () => {
    const res = await api(h)
      .post('/catalogue/changes')
      .set('authorization', h.auth.discloserA)
      .send({
        kind: 'lawChange',
        title: '条例修订',
        description: '第二十六条修改',
        effectiveDate: '2026-11-02',
        entryIds: ['00000000-0000-4000-8000-000000000000', entryA],
      });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { path: 'body.entryIds.0', message: '目录条目第 1 项：不是事前公开目录条目' },
    ]);
    expect(await h.db.catalogueChange.count()).toBe(0);
  });

  it('is registered and starts its 20-working-day clock workflow', async () => {
    const res = await api(h)
      .post('/catalogue/changes')
      .set('authorization', h.auth.head)
      .send({
        kind: 'lawChange',
        title: '《劳动保障监察条例》修订',
        description: '罚款幅度调整，相关依据和程序须更新。',
        effectiveDate: '2026-11-02',
        entryIds: [entryA, entryB],
      });
    expect(res.status).toBe(201);
    changeId = res.body.id;
    workflowId = res.body.workflowId;
    workflowIds.push(workflowId);
    expect(workflowId).toBe(`catalogue-update:${changeId}`);
    const description = await h.client.workflow.getHandle(workflowId).describe();
    expect(description).toMatchObject({
      type: 'catalogueUpdateWorkflow',
      taskQueue: h.taskQueue,
      status: { name: 'RUNNING' },
    });
    const audit = await h.db.auditEvent.findMany({ where: { subject: `catalogueChange:${changeId}` } });
    expect(audit.map((a) => a.action)).toEqual(['catalogueChange.registered']);
  });

  it('records the deadline and the escalations the workflow reports, once each', async () => {
    const clock = {
      dueDate: '2026-11-30',
      dueAt: '2026-11-30T15:59:59.999Z',
      remindAt: '2026-11-26T01:00:00.000Z',
      escalateAt: '2026-11-30T15:59:59.999Z',
      secondEscalateAt: '2026-12-03T15:59:59.999Z',
      provisional: false,
    };
    expect(
      (
        await api(h)
          .post(`/internal/catalogue-changes/${changeId}/clock`)
          .set('authorization', h.auth.discloserA)
          .send(clock)
      ).status,
    ).toBe(403);
    expect(
      (
        await api(h)
          .post(`/internal/catalogue-changes/${changeId}/clock`)
          .set('authorization', h.auth.system)
          .send(clock)
      ).status,
    ).toBe(200);
    const escalation = {
      level: 0,
      notified: { audience: 'assignee', roles: ['discloser'] },
      reason: '事前公开内容应于 20 个工作日内更新：即将到期',
      dueAt: clock.dueAt,
      at: clock.remindAt,
    };
    const first = await api(h)
      .post(`/internal/catalogue-changes/${changeId}/escalations`)
      .set('authorization', h.auth.system)
      .send(escalation);
    expect(first.status).toBe(201);
    const again = await api(h)
      .post(`/internal/catalogue-changes/${changeId}/escalations`)
      .set('authorization', h.auth.system)
      .send(escalation);
    expect(again.status).toBe(200);
    expect(again.body.escalationId).toBe(first.body.escalationId);
    const bad = await api(h)
      .post(`/internal/catalogue-changes/${changeId}/escalations`)
      .set('authorization', h.auth.system)
      .send({ ...escalation, level: 3 });
    expect(bad.status).toBe(400);

    const view = await api(h).get(`/catalogue/changes/${changeId}`).set('authorization', h.auth.discloserB);
    expect(view.body).toMatchObject({
      status: 'open',
      dueDate: '2026-11-30',
      escalations: [expect.objectContaining({ level: 0, audience: 'assignee' })],
    });
    expect(view.body.entries.map((e: { updatedVersion: number | null }) => e.updatedVersion)).toEqual([
      null,
      null,
    ]);
  });

  it('completes when every affected entry is republished, and tells its workflow', async () => {
    const update = async (id: string, content: object) => {
      const res = await api(h)
        .post(`/disclosures/${id}/versions`)
        .set('authorization', h.auth.discloserB)
        .send({ baseVersion: 1, content, note: '依条例修订更新' });
      expect(res.status).toBe(201);
      await step(h, id, 'submit', 'discloserB', { version: 2 });
      await step(h, id, 'check', 'reviewer', { version: 2, outcome: 'pass' });
      await step(h, id, 'approval', 'head', { version: 2, outcome: 'approve' });
    };
    await update(entryA, { ...personnel, name: '王海', certificateNumber: '21010020190456', post: '副科长' });
    expect(
      (await api(h).get(`/catalogue/changes/${changeId}`).set('authorization', h.auth.head)).body.status,
    ).toBe('open');
    await update(entryB, {
      ...procedure,
      title: '劳动保障监察行政处理程序',
      basis: '修订后的《劳动保障监察条例》',
    });

    const view = await api(h).get(`/catalogue/changes/${changeId}`).set('authorization', h.auth.head);
    expect(view.body).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    expect(view.body.entries.map((e: { updatedVersion: number | null }) => e.updatedVersion)).toEqual([2, 2]);
    expect((await api(h).get(`/api/public/catalogue/${entryB}`)).body).toMatchObject({
      content: { basis: '修订后的《劳动保障监察条例》' },
      updatedAt: expect.any(String),
    });

    const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
    const signals = (history.events ?? []).flatMap((e) =>
      e.workflowExecutionSignaledEventAttributes ? [e.workflowExecutionSignaledEventAttributes] : [],
    );
    expect(signals.map((s) => s.signalName)).toEqual(['catalogueChangeCompleted']);
  });
});

// ---- #13 item 7: the catalogue can change as the law does (000 §4, 003 (一)) --------------------

const serviceGuide = {
  section: 'serviceGuide',
  title: '劳动保障监察投诉受理',
  basis: '《劳动保障监察条例》第九条',
  acceptingBody: '沈阳市劳动保障监察支队投诉受理窗口',
  approvingBody: '沈阳市人力资源和社会保障局',
  conditions: '用人单位违反劳动保障法律、法规或者规章，侵害劳动者合法权益的。',
  materials: [
    { name: '投诉书', copies: '1 份', note: '写明投诉人、被投诉单位和投诉请求' },
    { name: '投诉人身份证明', copies: '复印件 1 份' },
  ],
  steps: [
    { name: '接收投诉', description: '窗口登记，当场出具接收凭证' },
    { name: '决定受理', description: '符合条件的予以受理', timeLimit: '5 个工作日' },
  ],
  timeLimit: '受理之日起 60 个工作日内办结',
  fees: '不收费',
  accountability: '不按规定受理投诉的，依照《辽宁省行政执法监督规定》追究责任。',
  officeHours: '工作日 8:30—11:30，13:00—17:00',
  address: '沈阳市和平区南京南街 1 号',
  phone: '024-12333',
};
const discretionBenchmark = {
  section: 'discretionBenchmark',
  title: '用人单位无理抗拒、阻挠劳动保障监察',
  violationBasis: '《劳动保障监察条例》第三十条第一款第（一）项',
  penaltyBasis: '《劳动保障监察条例》第三十条',
  levels: [
    { grade: '一般', circumstances: '经责令改正后及时改正的', penalty: '处 2000 元以上 5000 元以下罚款' },
    { grade: '严重', circumstances: '拒不改正或者多次阻挠的', penalty: '处 5000 元以上 20000 元以下罚款' },
  ],
};
const legalReviewFlow = {
  section: 'legalReviewFlow',
  title: '重大执法决定法制审核流程图',
  basis: '《本溪市人社局重大行政执法决定法制审核办法》',
  materials: ['拟处理决定书', '案件调查终结报告', '证据材料'],
  steps: [
    { name: '送审', description: '承办机构提交送审材料' },
    { name: '审核', description: '法制审核机构书面审核', timeLimit: '7 个工作日' },
    { name: '出具意见', description: '提出同意或者存在问题的书面审核意见' },
    { name: '研究处理', description: '承办机构研究处理后再次报送或提请负责人决定' },
  ],
  carrier: '法制审核意见书',
  disagreement: '审核意见与拟处理意见不一致的，由机关负责人集体讨论决定。',
  accountability: '未经法制审核或者审核未通过作出决定的，依法追究责任。',
};

async function outcomeSteps(id: string, requestId: string) {
  await step(h, id, `outcome-requests/${requestId}/check`, 'reviewer', { outcome: 'pass' });
  return step(h, id, `outcome-requests/${requestId}/approval`, 'head', { outcome: 'approve' });
}

describe('the catalogue kept current (catalogueKeptCurrent, 000 §4, 003 (一))', () => {
  it('catalogueKeptCurrent: a replaced version stays public as history with the reason it was replaced (000 §4 动态调整)', async () => {
    const id = await publishEntry({ ...procedure, title: '劳动保障监察行政处罚一般程序' });
    const res = await api(h)
      .post(`/disclosures/${id}/versions`)
      .set('authorization', h.auth.discloserB)
      .send({
        baseVersion: 1,
        content: { ...procedure, title: '劳动保障监察行政处罚一般程序', basis: '修订后的《行政处罚法》' },
        note: '《行政处罚法》修订后调整处罚程序的依据',
      });
    expect(res.status).toBe(201);
    // Nothing changes publicly before the head approves the new version.
    expect((await api(h).get(`/api/public/catalogue/${id}`)).body.history).toEqual([]);
    await step(h, id, 'submit', 'discloserB', { version: 2 });
    await step(h, id, 'check', 'reviewer', { version: 2, outcome: 'pass' });
    await step(h, id, 'approval', 'head', { version: 2, outcome: 'approve' });

    const entry = await api(h).get(`/api/public/catalogue/${id}`);
    expect(entry.body).toMatchObject({
      state: 'current',
      content: { basis: '修订后的《行政处罚法》' },
      history: [
        {
          version: 1,
          endKind: 'replaced',
          endExplanation: '《行政处罚法》修订后调整处罚程序的依据',
          supersededAt: expect.any(String),
        },
      ],
    });
    const old = await api(h).get(`/api/public/catalogue/${id}/versions/1`);
    expect(old.body).toMatchObject({ version: 1, content: { basis: procedure.basis }, endKind: 'replaced' });
    expect((await api(h).get(`/api/public/catalogue/${id}/versions/3`)).status).toBe(404);

    const page = await api(h).get(`/public/catalogue/${id}`);
    expect(page.text).toContain('修订后的《行政处罚法》');
    expect(page.text).toContain('历史版本');
    expect(page.text).toContain(`/public/catalogue/${id}/versions/1`);
    const oldPage = await api(h).get(`/public/catalogue/${id}/versions/1`);
    expect(oldPage.status).toBe(200);
    expect(oldPage.text).toContain('历史版本');
    expect(oldPage.text).toContain('《行政处罚法》修订后调整处罚程序的依据');
    expect(oldPage.text).toContain(procedure.basis);
  });

  it('catalogueKeptCurrent: an entry is withdrawn only with a ground, a sentence and the head’s approval; its notice and history stay public (000 §4, 003 (一), 004 §16)', async () => {
    const old = await publishEntry({ ...discretionBenchmark, title: '旧裁量基准：阻挠劳动保障监察' });
    const replacement = await publishEntry(discretionBenchmark);
    const ask = (body: object, who: 'discloserA' | 'reviewer' = 'discloserA') =>
      api(h)
        .post(`/catalogue/entries/${old}/withdrawal-requests`)
        .set('authorization', h.auth[who])
        .send(body);
    const explanation = '新的行政处罚裁量基准已经发布施行，本基准同时废止，请以新基准为准。';

    expect((await ask({ reason: 'replaced', explanation })).body.errors).toEqual([
      expect.objectContaining({ path: 'body.replacedBy' }),
    ]);
    const short = await ask({ reason: 'lawRepealed', explanation: '废止。' });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].path).toBe('body.explanation');
    const self = await ask({ reason: 'replaced', explanation, replacedBy: old });
    expect(self.status).toBe(422);
    expect(self.body).toMatchObject({ rule: 'catalogueKeptCurrent' });
    expect(self.body.detail).toContain(
      '不符合“事前公开目录随立改废动态调整、留存历史”规则（000 §4，003 (一)）',
    );
    expect((await ask({ reason: 'lawRepealed', explanation }, 'reviewer')).status).toBe(403);

    const requested = await ask({ reason: 'replaced', explanation, replacedBy: replacement });
    expect(requested.status).toBe(201);
    const requestId = requested.body.request.id as string;
    expect(requested.body.request).toMatchObject({ kind: 'withdrawal', replacedById: replacement });
    expect((await ask({ reason: 'lawRepealed', explanation })).status).toBe(409);
    // Still public until the head approves; the requester may not check it.
    expect((await api(h).get(`/api/public/catalogue/${old}`)).body.state).toBe('current');
    const own = await api(h)
      .post(`/disclosures/${old}/outcome-requests/${requestId}/check`)
      .set('authorization', h.auth.discloserA)
      .send({ outcome: 'pass' });
    expect(own.status).toBe(409);
    expect(own.body.rule).toBe('separationOfDuties');

    expect(await outcomeSteps(old, requestId)).toMatchObject({ disclosure: { status: 'withdrawn' } });

    const list = await api(h).get('/api/public/catalogue');
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(old);
    expect(list.body.withdrawn).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: old,
          reason: 'replaced',
          replacedBy: { id: replacement, title: discretionBenchmark.title },
        }),
      ]),
    );
    const notice = await api(h).get(`/api/public/catalogue/${old}`);
    expect(notice.body).toMatchObject({
      state: 'withdrawn',
      content: null,
      withdrawal: { reason: 'replaced', explanation, replacedBy: { id: replacement } },
      history: [{ version: 1, endKind: 'withdrawn', endExplanation: explanation }],
    });
    const page = await api(h).get(`/public/catalogue/${old}`);
    expect(page.text).toContain('已撤下');
    expect(page.text).toContain(explanation);
    expect(page.text).toContain(`href="/public/catalogue/${replacement}"`);
    const cataloguePage = await api(h).get('/public/catalogue');
    expect(cataloguePage.text).toContain('已撤下的条目');
    expect(cataloguePage.text).toContain('旧裁量基准：阻挠劳动保障监察');
    const audit = await h.db.auditEvent.findMany({
      where: { subject: `disclosure:${old}` },
      orderBy: { at: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['catalogueEntry.withdrawalRequested', 'catalogueEntry.withdrawn']),
    );
    // A withdrawn entry is not edited any more.
    expect(
      (
        await api(h)
          .post(`/disclosures/${old}/versions`)
          .set('authorization', h.auth.discloserA)
          .send({ baseVersion: 1, content: discretionBenchmark, note: '再次修改' })
      ).status,
    ).toBe(409);
  });

  it('catalogueKeptCurrent: withdrawing an entry a registered change of law listed counts it as dealt with (003 (一), (五))', async () => {
    const entry = await publishEntry({ ...legalReviewFlow, title: '旧法制审核流程图' });
    const change = await api(h)
      .post('/catalogue/changes')
      .set('authorization', h.auth.head)
      .send({
        kind: 'functionChange',
        title: '法制审核职能调整至政策法规科',
        description: '原流程图不再适用。',
        effectiveDate: '2026-11-16',
        entryIds: [entry],
      });
    expect(change.status).toBe(201);
    workflowIds.push(change.body.workflowId);
    const requested = await api(h)
      .post(`/catalogue/entries/${entry}/withdrawal-requests`)
      .set('authorization', h.auth.discloserA)
      .send({
        reason: 'functionsChanged',
        explanation: '法制审核职能已调整至政策法规科，原流程图停止使用。',
      });
    expect(requested.status).toBe(201);
    await outcomeSteps(entry, requested.body.request.id);
    const view = await api(h).get(`/catalogue/changes/${change.body.id}`).set('authorization', h.auth.head);
    expect(view.body).toMatchObject({
      status: 'completed',
      entries: [{ status: 'withdrawn', updatedVersion: 1 }],
    });
  });
});

describe('the sections the rules list (#13 item 7)', () => {
  it('serviceGuide (000 §8, §11; 003 (二); 004 §6): 受理机构, 审批机构, 条件, 材料, 流程, 时限, 收费, 责任追究, 办公时间/地址/电话', async () => {
    const missing = await api(h)
      .post('/catalogue/entries')
      .set('authorization', h.auth.discloserA)
      .send({ content: { ...serviceGuide, acceptingBody: undefined, materials: [] } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.content.acceptingBody',
      'body.content.materials',
    ]);
    const id = await publishEntry(serviceGuide);
    const page = await api(h).get(`/public/catalogue/${id}`);
    for (const text of [
      '受理机构',
      serviceGuide.acceptingBody,
      '审批机构',
      serviceGuide.approvingBody,
      '办理条件',
      '申请材料清单',
      '投诉人身份证明',
      '办理流程',
      '办理时限',
      '收费标准',
      '不收费',
      '责任追究',
      '办公时间',
      '办公地址',
      '办公电话',
      '024-12333',
    ])
      expect(page.text).toContain(text);
    expect((await api(h).get('/public/catalogue')).text).toContain('<h2 id="serviceGuide">服务指南</h2>');
  });

  it('discretionBenchmark (003 (四)15 裁量标准; 001 (三)4 裁量基准): grades with their circumstances and penalties', async () => {
    const bad = await api(h)
      .post('/catalogue/entries')
      .set('authorization', h.auth.discloserA)
      .send({ content: { ...discretionBenchmark, levels: [] } });
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.content.levels']);
    const id = await publishEntry({ ...discretionBenchmark, title: '拒不提供有关资料' });
    const page = await api(h).get(`/public/catalogue/${id}`);
    expect(page.text).toContain('裁量等级与处罚标准');
    expect(page.text.indexOf('处 2000 元以上 5000 元以下罚款')).toBeLessThan(
      page.text.indexOf('处 5000 元以上 20000 元以下罚款'),
    );
  });

  it('legalReviewFlow (001 (三)5 重大执法决定法制审核流程图): 送审材料, 审核程序, 载体, 时限, 意见不一致的协调, 责任追究', async () => {
    const id = await publishEntry(legalReviewFlow);
    const page = await api(h).get(`/public/catalogue/${id}`);
    expect(page.text).toContain('<ol class="flow" aria-labelledby="flow-heading">');
    expect(page.text.indexOf('送审')).toBeLessThan(page.text.indexOf('出具意见'));
    for (const text of [
      '送审材料',
      '案件调查终结报告',
      '法制审核意见书',
      '机关负责人集体讨论决定',
      '7 个工作日',
    ])
      expect(page.text).toContain(text);
  });
});
