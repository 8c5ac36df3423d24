import { fromHistoryPayloads } from '@sanxiang/testing';
import { loadWorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import {
  dutyClockWorkflowId,
  dutyClockWorkflowType,
  type TDutyClockInput,
  type TDutyClockKind,
} from '@sanxiang/shared/src/contracts';
import {
  api,
  createHarness,
  statisticsSourcesStub,
  publishDecision,
  revokingDocument,
  step,
  withdrawDecision,
  type THarness,
} from './support/harness';

// #13 item 6, dutyClocks — duties without a clock get one: the disclosure service starts a
// `dutyClockWorkflow` run (reminder, escalation to the unit head, to the agency head, each told to
// named people: workflows/src/disclosure/duty-clock) in the transaction that creates the duty and
// tells it when the change that ends the duty commits. Real PostgreSQL and the Temporal dev server
// (no worker polls the test's task queue: the runs' inputs and signals are read from their history).
//   correctionRequest — 003 (七), 004 §17 更正申请「及时处理」(10 working days);
//   correctionRepublication — 000 §17「自该信息形成或者变更之日起7个工作日内」;
//   withdrawal — 004 §14「应当及时撤下」(WITHDRAWAL_WORKING_DAYS, here 4);
//   creditBlacklist — 004 §13 按季度; annualStatistics* — 002 4(5) 1月10日前公开, 001 1月31日前报送.

let h: THarness;
beforeAll(async () => {
  // The annual statistics' draft asks recording, legal review and inspection for their figures.
  h = await createHarness({
    config: { WITHDRAWAL_WORKING_DAYS: '4' },
    extra: { statisticsSources: statisticsSourcesStub },
  });
}, 120_000);
const seen = new Set<string>();
afterAll(async () => {
  // No worker runs them: end the runs so that their ids (a period, a request) are free again.
  for (const id of seen)
    await h.client.workflow
      .getHandle(id)
      .terminate('test over')
      .catch(() => undefined);
  await h?.close();
});

/** The run of a duty: its input and the `dutyDone` signals it received. */
async function dutyRun(kind: TDutyClockKind, subjectId: string) {
  seen.add(dutyClockWorkflowId(kind, subjectId));
  const handle = h.client.workflow.getHandle(dutyClockWorkflowId(kind, subjectId));
  const description = await handle.describe();
  const { events } = await handle.fetchHistory();
  const started = events!.find((e) => e.workflowExecutionStartedEventAttributes)!;
  const [input] = (await fromHistoryPayloads(
    started.workflowExecutionStartedEventAttributes!.input!.payloads,
  )) as [TDutyClockInput];
  const done: { subjectId: string; doneAt: string; outcome: string }[] = [];
  for (const e of events!) {
    const signalled = e.workflowExecutionSignaledEventAttributes;
    if (signalled?.signalName === 'dutyDone')
      done.push(...((await fromHistoryPayloads(signalled.input!.payloads)) as typeof done));
  }
  return { type: description.type, taskQueue: description.taskQueue, input, done };
}

const correctionRequest = (decisionId: string) => ({
  decisionId,
  requesterName: '沈阳华信建材有限公司',
  requesterKind: 'organisation',
  contactPhone: '024-23456789',
  description: '公示的履行期限有误，决定书载明为 30 日。',
  evidence: '行政处罚决定书第三页“履行方式和期限”一节。',
});

describe('dutyClocks (#13 item 6)', () => {
  it('correctionRequest (003 (七), 004 §17): a public request starts its 10-working-day clock; the answer stops it', async () => {
    const decisionId = await publishDecision(h);
    const submitted = await api(h)
      .post('/api/public/correction-requests')
      .send(correctionRequest(decisionId));
    expect(submitted.status).toBe(201);
    const row = await h.db.correctionRequest.findUniqueOrThrow({
      where: { trackingNumber: submitted.body.trackingNumber },
    });
    const before = await dutyRun('correctionRequest', row.id);
    expect(before).toMatchObject({ type: dutyClockWorkflowType, taskQueue: h.taskQueue, done: [] });
    expect(before.input).toMatchObject({
      kind: 'correctionRequest',
      subjectId: row.id,
      link: `/correction-requests/${row.id}`,
      start: row.receivedAt.toISOString(),
    });
    expect(before.input.title).toContain(submitted.body.trackingNumber);
    // The due date the requester was told is the clock's (same table, same start).
    const calendar = await loadWorkingDayCalendar({});
    expect(calendar.addWorkingDays(calendar.dateInShanghai(before.input.start!), 10).date).toBe(
      submitted.body.dueDate,
    );

    const answered = await api(h)
      .post(`/correction-requests/${row.id}/answer`)
      .set('authorization', h.auth.discloserA)
      .send({ outcome: 'rejected', answer: '经核实，公示内容与决定书一致，不予更正。' });
    expect(answered.status).toBe(200);
    const after = await dutyRun('correctionRequest', row.id);
    expect(after.done).toEqual([
      { subjectId: row.id, doneAt: expect.any(String), outcome: '已答复：不予更正' },
    ]);
  });

  it('correctionRepublication (000 §17 “formed or changed”): a correction of a published decision starts a 7-working-day clock; republication stops it', async () => {
    const id = await publishDecision(h);
    const version = await api(h)
      .post(`/disclosures/${id}/versions`)
      .set('authorization', h.auth.discloserA)
      .send({
        baseVersion: 1,
        content: { performance: '自收到决定书之日起30日内缴纳' },
        note: '更正履行期限',
      });
    expect(version.status).toBe(201);
    const subject = `${id}:v1`;
    const started = await dutyRun('correctionRepublication', subject);
    expect(started.input).toMatchObject({
      kind: 'correctionRepublication',
      subjectId: subject,
      link: `/disclosures/${id}`,
      start: expect.any(String),
    });
    expect(started.input.caseNumber).toMatch(/^沈人社监〔2026〕/u);
    expect(started.done).toEqual([]);
    // A revision of the correction draft does not start another clock.
    await step(h, id, 'submit', 'discloserA', { version: 2 });
    await step(h, id, 'check', 'reviewer', { version: 2, outcome: 'pass' });
    await step(h, id, 'approval', 'head', { version: 2, outcome: 'approve' });
    expect((await dutyRun('correctionRepublication', subject)).done).toEqual([
      { subjectId: subject, doneAt: expect.any(String), outcome: '已重新发布' },
    ]);
  });

  it('withdrawal (004 §14 及时撤下): the request starts the configured clock from the revoking document; a return leaves it running; the approved withdrawal stops it', async () => {
    const id = await publishDecision(h);
    const explanation = '经沈阳市人民政府行政复议，原处罚决定被依法撤销，现予撤下。';
    const first = await api(h)
      .post(`/disclosures/${id}/withdrawal-requests`)
      .set('authorization', h.auth.discloserA)
      .send({ reason: 'revoked', explanation, revokingDocument: revokingDocument() });
    expect(first.status).toBe(201);
    const run = await dutyRun('withdrawal', id);
    expect(run.input).toMatchObject({
      kind: 'withdrawal',
      subjectId: id,
      start: revokingDocument().date,
      workingDays: 4,
      link: `/disclosures/${id}`,
    });
    await step(h, id, `outcome-requests/${first.body.request.id}/check`, 'reviewer', {
      outcome: 'return',
      note: '文书日期需核对',
    });
    expect((await dutyRun('withdrawal', id)).done).toEqual([]);
    await withdrawDecision(h, id, { reason: 'revoked', explanation });
    const after = await dutyRun('withdrawal', id);
    // One run (the second request found it running), stopped once.
    expect(after.input).toEqual(run.input);
    expect(after.done).toEqual([{ subjectId: id, doneAt: expect.any(String), outcome: '已撤下' }]);
  });

  it('creditBlacklist (004 §13 quarterly) and the annual statistics (002 4(5) by 10 January, 001 by 31 January) get due clocks when prepared; the approval stops them', async () => {
    const prepare = (body: object) =>
      api(h).post('/internal/reports').set('authorization', h.auth.system).send(body);
    // The Temporal dev server outlives each test database: a year of its own keeps the run ids apart.
    const year = 2030 + Math.floor(Math.random() * 70);
    const quarter = `${year}-Q3`;
    const blacklist = await prepare({ kind: 'creditBlacklist', period: quarter });
    expect(blacklist.status).toBe(201);
    expect((await dutyRun('creditBlacklist', quarter)).input).toMatchObject({
      kind: 'creditBlacklist',
      start: `${year}-09-30`,
      caseNumber: null,
      link: `/disclosures/${blacklist.body.disclosureId}`,
    });
    const stats = await prepare({ kind: 'annualStatistics', period: String(year) });
    expect(stats.status).toBe(201);
    for (const kind of ['annualStatisticsPublication', 'annualStatisticsReport'] as const) {
      expect((await dutyRun(kind, String(year))).input).toMatchObject({
        kind,
        dueYear: year + 1,
        subjectId: String(year),
      });
    }
    // A repeated run of the Schedule finds the draft and starts nothing more.
    expect((await prepare({ kind: 'annualStatistics', period: String(year) })).status).toBe(200);

    const statsId = stats.body.disclosureId as string;
    await step(h, statsId, 'submit', 'discloserA', { version: 1 });
    await step(h, statsId, 'check', 'reviewer', { version: 1, outcome: 'pass' });
    await step(h, statsId, 'approval', 'head', { version: 1, outcome: 'approve' });
    expect((await dutyRun('annualStatisticsPublication', String(year))).done.map((d) => d.outcome)).toEqual([
      '已发布',
    ]);
    expect((await dutyRun('annualStatisticsReport', String(year))).done.map((d) => d.outcome)).toEqual([
      '负责人已批准',
    ]);
    expect((await dutyRun('creditBlacklist', quarter)).done).toEqual([]);
  });
});
