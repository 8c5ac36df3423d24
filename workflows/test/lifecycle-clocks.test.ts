import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import type { TClockView, TEscalationRequest } from '@sanxiang/shared/src/contracts';
import {
  saDeadlineAt,
  saEscalationLevel,
  saOverdue,
  saProvisionalDeadline,
} from '../src/lifecycle/workflow/search-attributes';
import { addDays, calendarWith, shiftedNationalDay2025 } from './support/calendar-fixtures';
import {
  decision,
  eventually,
  majorProposal,
  minorProposal,
  msg,
  recordHistory,
  serverNow,
  sleepUntil,
  stageIs,
  startCase,
  bundleLifecycleWorkflows,
  startHarness,
  status,
  terminateQuietly,
  todayInShanghai,
  waitForPublished,
  type THarness,
  type TLifecycleHandle,
} from './support/lifecycle-harness';

// Each test gets its own time-skipping server and worker (the bundle is built once). The Java test
// server can leak its time-skipping lock when a query or activity is in flight as a run closes, and
// then every later sleep in that server hangs: with one server per test such a hang stays in its
// test, and a retry runs on a fresh server.
jest.retryTimes(2, { logErrorsBeforeRetry: true });
let bundle: string;
let h: THarness;
let shipped: WorkingDayCalendar;
beforeAll(async () => {
  bundle = await bundleLifecycleWorkflows();
});
beforeEach(async () => {
  h = await startHarness('lifecycle-clocks', bundle);
  shipped = h.calendar.current;
});
afterEach(async () => {
  await h?.stop();
});

const MINUTE = 60_000;
const nineAm = (date: string) => new Date(`${date}T09:00:00+08:00`).toISOString();

/** The instants a clock must have, computed here from the calendar's primitives (not computeClock). */
function expectedClock(cal: WorkingDayCalendar, startAt: string, workingDays: number, remindLead: number) {
  const due = cal.addWorkingDays(cal.dateInShanghai(startAt), workingDays).date;
  return {
    dueDate: due,
    dueAt: cal.endOfDayInstant(due),
    remindAt: nineAm(cal.subtractWorkingDays(due, remindLead).date),
    escalateAt: cal.endOfDayInstant(due),
    secondEscalateAt: cal.endOfDayInstant(cal.addWorkingDays(due, 3).date),
  };
}

const escalationsOf = (caseNumber: string, clockId: string) =>
  h.stubs.forCase(h.stubs.seen.escalations, caseNumber).filter((e) => e.request.clockId === clockId);

/** Each level recorded once, at the clock's instant, and sent when that instant came (not before, not much later). */
function expectEscalations(
  caseNumber: string,
  clockId: string,
  instants: { remindAt: string; escalateAt: string; secondEscalateAt: string },
) {
  const seen = escalationsOf(caseNumber, clockId);
  expect(seen.map((e) => [e.request.level, e.request.at])).toEqual([
    [0, instants.remindAt],
    [1, instants.escalateAt],
    [2, instants.secondEscalateAt],
  ]);
  for (const e of seen) {
    const lag = Date.parse(e.at) - Date.parse(e.request.at);
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(MINUTE);
  }
  expect(seen.map((e) => e.request.notified.audience)).toEqual(['assignee', 'unitHead', 'agencyHead']);
  return seen;
}

const clockOf = async (handle: TLifecycleHandle, id: string): Promise<TClockView> =>
  eventually(async () => {
    const clock = (await status(handle)).clocks.find((c) => c.id === id);
    expect(clock).toBeDefined();
    return clock!;
  });

test('evidence upload: 2 working days; remind, escalate at the due instant, escalate again 3 working days later', async () => {
  const caseNumber = 'CLOCK-EVIDENCE';
  const handle = await startCase(h, caseNumber);
  const endedAt = await serverNow(h);
  await handle.signal(msg.evidenceUploaded, { activityId: 'act-early', uploadedAt: endedAt }); // overtakes its end
  await handle.signal(msg.enforcementActivityEnded, { activityId: 'act-early', endedAt });
  await handle.signal(msg.enforcementActivityEnded, {
    activityId: 'act-late',
    endedAt,
    officerIds: ['officer-1', 'officer-2'],
  });
  await handle.signal(msg.enforcementActivityEnded, { activityId: 'act-ontime', endedAt });

  const expected = expectedClock(shipped, endedAt, 2, 1);
  const late = await clockOf(handle, 'evidenceUpload:act-late');
  expect(late).toMatchObject({ ...expected, status: 'running', level: -1, workingDays: 2 });
  expect((await status(handle)).openEvidenceActivities.sort()).toEqual(['act-late', 'act-ontime']);

  await handle.signal(msg.evidenceUploaded, { activityId: 'act-ontime', uploadedAt: await serverNow(h) });
  await sleepUntil(h, new Date(Date.parse(expected.remindAt) - MINUTE).toISOString());
  expect(escalationsOf(caseNumber, 'evidenceUpload:act-late')).toEqual([]);

  await sleepUntil(h, new Date(Date.parse(expected.secondEscalateAt) + MINUTE).toISOString());
  await eventually(() => expect(escalationsOf(caseNumber, 'evidenceUpload:act-late')).toHaveLength(3));
  const [reminder] = expectEscalations(caseNumber, 'evidenceUpload:act-late', expected);
  expect(reminder?.request.notified).toEqual({
    audience: 'assignee',
    roles: ['officer'],
    userIds: ['officer-1', 'officer-2'],
    // Who was told, when, how (from the notify activity, stubbed here).
    people: ['officer-1', 'officer-2'].map((personId) =>
      expect.objectContaining({ personId, audience: 'assignee', channels: ['inbox'] }),
    ),
  });
  expect(reminder?.request.reason).toContain('2 个工作日');
  expect(
    h.stubs
      .forCase(h.stubs.seen.escalations, caseNumber)
      .every((e) => e.request.clockId === 'evidenceUpload:act-late'),
  ).toBe(true);

  const overdue = await handle.describe();
  expect(overdue.typedSearchAttributes.get(saOverdue)).toBe(true);
  expect(overdue.typedSearchAttributes.get(saEscalationLevel)).toBe(2);
  expect(overdue.typedSearchAttributes.get(saDeadlineAt)?.toISOString()).toBe(expected.dueAt);
  expect((await status(handle)).escalations).toHaveLength(3);

  await handle.signal(msg.evidenceUploaded, { activityId: 'act-late', uploadedAt: await serverNow(h) });
  await eventually(async () => {
    const described = await handle.describe();
    expect(described.typedSearchAttributes.get(saOverdue)).toBe(false);
    expect(described.typedSearchAttributes.get(saEscalationLevel)).toBe(0);
    expect(described.typedSearchAttributes.get(saDeadlineAt)).toBeUndefined();
  });
  expect((await status(handle)).openEvidenceActivities).toEqual([]);

  await handle.executeUpdate(msg.closeCase, {
    args: [{ closedBy: 'officer-1', closedAt: await serverNow(h), reason: '不予立案' }],
  });
  expect(await handle.result()).toMatchObject({ stage: 'closed' });
  await recordHistory(h, handle, 'evidence-escalation');
});

test('legal review: a request for missing materials stops the 10-day clock; the count restarts from receipt; never abandoned', async () => {
  const caseNumber = 'CLOCK-REVIEW';
  const handle = await startCase(h, caseNumber);
  await handle.executeUpdate(msg.submitProposal, { args: [majorProposal(await serverNow(h))] });
  const first = await clockOf(handle, 'legalReview:1');
  const receivedAt = h.stubs.forCase(h.stubs.seen.reviews, caseNumber)[0]!.at;
  expect(first).toMatchObject({ startAt: receivedAt, ...expectedClock(shipped, receivedAt, 10, 2) });

  await h.env.sleep(2 * 86_400_000);
  await handle.signal(msg.reviewMaterialsRequested, {
    round: 1,
    requestedAt: await serverNow(h),
    dueDate: addDays(await todayInShanghai(h), 5),
    missing: ['evidence'],
    note: '缺少现场检查笔录',
  });
  await eventually(async () => expect((await clockOf(handle, 'legalReview:1')).status).toBe('paused'));
  await eventually(async () =>
    expect((await handle.describe()).typedSearchAttributes.get(saDeadlineAt)).toBeUndefined(),
  );

  await h.env.sleep(30 * 86_400_000); // well past the original due date: nothing fires while paused
  expect(escalationsOf(caseNumber, 'legalReview:1')).toEqual([]);

  const resumedAt = await serverNow(h);
  await handle.signal(msg.reviewMaterialsReceived, { round: 1, receivedAt: resumedAt });
  const expected = expectedClock(shipped, resumedAt, 10, 2);
  await eventually(async () =>
    expect(await clockOf(handle, 'legalReview:1')).toMatchObject({
      status: 'running',
      startAt: resumedAt,
      ...expected,
    }),
  );

  await sleepUntil(h, new Date(Date.parse(expected.secondEscalateAt) + MINUTE).toISOString());
  await eventually(() => expect(escalationsOf(caseNumber, 'legalReview:1')).toHaveLength(3));
  const seen = expectEscalations(caseNumber, 'legalReview:1', expected);
  expect(seen.map((e) => e.request.notified.roles)).toEqual([['reviewer'], ['head'], ['head']]);
  expect(seen.every((e) => e.idempotencyKey.includes(resumedAt) && e.request.round === 1)).toBe(true);

  await h.env.sleep(60 * 86_400_000); // a timer never fails or abandons the review
  const waiting = await status(handle);
  expect(waiting.stage).toBe('legalReview');
  expect(waiting.rounds[0]).toMatchObject({
    maxLevel: 2,
    materialRequests: [expect.objectContaining({ missing: ['evidence'], receivedAt: resumedAt })],
  });

  await handle.signal(msg.reviewOpinionIssued, {
    round: 1,
    outcome: 'approve',
    reasons: '事实清楚，证据确凿',
    issuedAt: await serverNow(h),
    reviewerId: 'reviewer-1',
    opinionId: 'opinion-1',
  });
  await stageIs(handle, 'decision');
  const described = await handle.describe();
  expect(described.typedSearchAttributes.get(saOverdue)).toBe(false);
  expect((await status(handle)).clocks).toEqual([]);
  await handle.executeUpdate(msg.decisionMade, {
    args: [
      decision(await todayInShanghai(h), {
        disclosure: { mode: 'exempt', reason: 'stateSecret', explanation: '涉及国家秘密' },
      }),
    ],
  });
  // The plan is a non-publication request: exempt once the disclosure service approves it (#13 item 2).
  await eventually(() => expect(h.stubs.forCase(h.stubs.seen.drafts, caseNumber)).toHaveLength(1));
  await handle.signal(msg.disclosureExempted, {
    cycle: 1,
    disclosureId: `disclosure-${caseNumber}-1`,
    reason: 'stateSecret',
    explanation: '决定涉及国家秘密，经审核批准不予公开。',
    exemptedBy: 'head-1',
    at: await serverNow(h),
  });
  expect(await handle.result()).toMatchObject({ stage: 'exempt', rounds: 1 });
  // 我的待办 and the board follow the clock (issue 11): the first run paused, then ended when the
  // count restarted; the new run started and stopped with the decision.
  const events = h.stubs.seen.clockEvents
    .filter((e) => e.input.caseNumber === caseNumber && e.input.clockKey.includes(':legalReview:'))
    .map((e) => [
      e.input.type,
      e.input.clockKey.endsWith(`:legalReview:1:${resumedAt}`) ? 'second' : 'first',
    ]);
  expect(events).toEqual([
    ['started', 'first'],
    ['paused', 'first'],
    ['stopped', 'first'],
    ['started', 'second'],
    ['stopped', 'second'],
  ]);
  await recordHistory(h, handle, 'missing-materials');
});

test('disclosure clock across a holiday with make-up workdays (National Day 2025 pattern)', async () => {
  const { calendar, shift } = shiftedNationalDay2025(await todayInShanghai(h));
  h.calendar.current = calendar;
  const caseNumber = 'CLOCK-HOLIDAY';
  const handle = await startCase(h, caseNumber);
  await handle.executeUpdate(msg.submitProposal, { args: [minorProposal(await serverNow(h))] });
  // Decided on the Friday before the holiday: 28 Sep (Sun, worked) 1, 29 Sep 2, 30 Sep 3, 1–8 Oct off,
  // 9 Oct 4, 10 Oct 5, 11 Oct (Sat, worked) 6, 13 Oct 7 → due 13 Oct; remind 2 working days before
  // (11 Oct is one, 10 Oct two); second escalation 14, 15, 16 Oct.
  await handle.executeUpdate(msg.decisionMade, { args: [decision(shift('2025-09-26'))] });
  const expected = {
    dueDate: shift('2025-10-13'),
    dueAt: new Date(`${shift('2025-10-13')}T24:00:00+08:00`).toISOString(),
    remindAt: nineAm(shift('2025-10-10')),
    escalateAt: new Date(`${shift('2025-10-13')}T24:00:00+08:00`).toISOString(),
    secondEscalateAt: new Date(`${shift('2025-10-16')}T24:00:00+08:00`).toISOString(),
  };
  expect(await clockOf(handle, 'disclosure:1')).toMatchObject({
    ...expected,
    kind: 'disclosure',
    workingDays: 7,
    provisional: false,
  });
  await eventually(() =>
    expect(h.stubs.forCase(h.stubs.seen.drafts, caseNumber)[0]?.request.dueAt).toBe(expected.dueAt),
  );

  await sleepUntil(h, new Date(Date.parse(expected.remindAt) - MINUTE).toISOString());
  expect(escalationsOf(caseNumber, 'disclosure:1')).toEqual([]);
  await sleepUntil(h, new Date(Date.parse(expected.secondEscalateAt) + MINUTE).toISOString());
  await eventually(() => expect(escalationsOf(caseNumber, 'disclosure:1')).toHaveLength(3));
  const seen = expectEscalations(caseNumber, 'disclosure:1', expected);
  expect(seen[0]?.request).toMatchObject<Partial<TEscalationRequest>>({
    clock: 'disclosure',
    cycle: 1,
    dueAt: expected.dueAt,
  });
  expect(seen[0]?.request.notified.roles).toEqual(['discloser']);

  const runBefore = (await handle.describe()).runId;
  await handle.signal(msg.disclosureApproved, {
    cycle: 1,
    disclosureId: `disclosure-${caseNumber}-1`,
    approvedBy: 'head-1',
    approvedAt: await serverNow(h),
  });
  const published = await waitForPublished(handle, runBefore);
  expect(published.clocks).toEqual([]);
  expect(published.escalations).toHaveLength(3); // carried across continue-as-new
  const described = await handle.describe();
  expect(described.typedSearchAttributes.get(saOverdue)).toBe(false);
  await recordHistory(h, handle, 'disclosure-holiday');
  await terminateQuietly(handle);
});

// #13 item 4 (000 §17, 003 (六)): the 20 working days are the inspection's own results' (from the end
// of the inspection, workflows/src/inspection); a decision that follows an inspection keeps 7. The
// flag a run carries is ignored (patch `decision-keeps-seven-days`); the run saved before the patch
// (histories/0.1.0/random-inspection-flag.json) still replays with its 20-day clock (replay.test.ts).
test('a decision flagged as a random-inspection result keeps the 7-working-day clock (#13 item 4, 000 §17)', async () => {
  const caseNumber = 'CLOCK-RANDOM';
  const handle = await startCase(h, caseNumber);
  await handle.executeUpdate(msg.submitProposal, {
    args: [minorProposal(await serverNow(h), { decisionKind: 'inspection' })],
  });
  const decisionDate = await todayInShanghai(h);
  await handle.executeUpdate(msg.decisionMade, {
    args: [decision(decisionDate, { decisionKind: 'inspection', randomInspection: true })],
  });
  const clock = await clockOf(handle, 'disclosure:1');
  expect(clock).toMatchObject({ kind: 'disclosure', workingDays: 7 });
  expect(clock.dueDate).toBe(shipped.addWorkingDays(decisionDate, 7).date);
  await eventually(() => expect(h.stubs.forCase(h.stubs.seen.drafts, caseNumber)).toHaveLength(1));
  expect(h.stubs.forCase(h.stubs.seen.drafts, caseNumber)[0]?.request.randomInspection).toBe(false);
  await terminateQuietly(handle);
});

test('calendarUpdated recomputes provisional deadlines; steps already fired stay fired', async () => {
  const year = Number((await todayInShanghai(h)).slice(0, 4));
  h.calendar.current = calendarWith([], [year - 1]); // this year unknown: the law's holidays only, provisional
  const caseNumber = 'CLOCK-CALENDAR';
  const handle = await startCase(h, caseNumber);
  await handle.executeUpdate(msg.submitProposal, { args: [majorProposal(await serverNow(h))] });
  const provisional = await clockOf(handle, 'legalReview:1');
  expect(provisional.provisional).toBe(true);
  await eventually(async () =>
    expect((await handle.describe()).typedSearchAttributes.get(saProvisionalDeadline)).toBe(true),
  );

  await sleepUntil(h, new Date(Date.parse(provisional.remindAt) + MINUTE).toISOString());
  await eventually(() => expect(escalationsOf(caseNumber, 'legalReview:1')).toHaveLength(1));

  // The State Council notice arrives: the weekdays between now and the due date become holidays.
  const today2 = await todayInShanghai(h);
  const offDays: string[] = [];
  for (let d = provisional.dueDate; d > today2; d = addDays(d, -1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) offDays.push(d);
  }
  expect(offDays.length).toBeGreaterThan(0);
  const notice = offDays.map((date) => ({ name: '测试假日', date, isOffDay: true }));
  const years = [year - 1, year, year + 1, year + 2];
  h.calendar.current = calendarWith(notice, years);
  await handle.signal(msg.calendarUpdated, { years: [year], at: await serverNow(h) });

  const receivedAt = h.stubs.forCase(h.stubs.seen.reviews, caseNumber)[0]!.at;
  const expected = expectedClock(h.calendar.current, receivedAt, 10, 2);
  const recomputed = await eventually(async () => {
    const clock = await clockOf(handle, 'legalReview:1');
    expect(clock.provisional).toBe(false);
    return clock;
  });
  expect(recomputed).toMatchObject({ ...expected, level: 0 });
  expect(recomputed.dueDate > provisional.dueDate).toBe(true);
  await eventually(async () =>
    expect((await handle.describe()).typedSearchAttributes.get(saProvisionalDeadline)).toBe(false),
  );

  await sleepUntil(h, new Date(Date.parse(expected.secondEscalateAt) + MINUTE).toISOString());
  await eventually(() => expect(escalationsOf(caseNumber, 'legalReview:1')).toHaveLength(3));
  expect(escalationsOf(caseNumber, 'legalReview:1').map((e) => [e.request.level, e.request.at])).toEqual([
    [0, provisional.remindAt], // fired before the update: not repeated
    [1, expected.escalateAt],
    [2, expected.secondEscalateAt],
  ]);
  await handle.signal(msg.reviewOpinionIssued, {
    round: 1,
    outcome: 'transfer',
    reasons: '涉嫌犯罪，移送公安机关',
    issuedAt: await serverNow(h),
    reviewerId: 'reviewer-1',
    opinionId: 'opinion-1',
  });
  expect(await handle.result()).toMatchObject({ stage: 'transferred' });
  await recordHistory(h, handle, 'calendar-update');
});
