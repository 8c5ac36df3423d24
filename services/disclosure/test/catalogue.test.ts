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
    expect(res.body.errors).toEqual([{ path: 'body.entryIds.0', message: 'not a catalogue entry' }]);
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
