import { WorkflowUpdateFailedError } from '@temporalio/client';
import { type ApplicationFailure } from '@temporalio/common';
import { addYears } from '../src/lifecycle/workflow/state';
import {
  decision,
  eventually,
  majorProposal,
  minorProposal,
  msg,
  recordHistory,
  serverNow,
  stageIs,
  startCase,
  startHarness,
  status,
  terminateQuietly,
  todayInShanghai,
  waitForPublished,
  type THarness,
  type TLifecycleHandle,
} from './support/lifecycle-harness';

let h: THarness;
beforeAll(async () => {
  h = await startHarness('lifecycle-paths');
});
afterAll(async () => {
  await h?.stop();
});

const transitions = (caseNumber: string) =>
  h.stubs.forCase(h.stubs.seen.transitions, caseNumber).map((t) => `${t.request.from}→${t.request.to}`);

/** Approve and publish the current cycle's disclosure; returns the publication instant. */
async function approveAndPublish(handle: TLifecycleHandle, caseNumber: string, cycle = 1): Promise<string> {
  const draft = await eventually(() => {
    const d = h.stubs.forCase(h.stubs.seen.drafts, caseNumber).find((x) => x.request.cycle === cycle);
    expect(d).toBeDefined();
    return d!;
  });
  const disclosureId = `disclosure-${caseNumber}-${cycle}`;
  expect(draft.request.disclosure.mode).not.toBe('exempt');
  const runBefore = (await handle.describe()).runId;
  await handle.signal(msg.disclosureApproved, {
    cycle,
    disclosureId,
    approvedBy: 'head-1',
    approvedAt: await serverNow(h),
  });
  await waitForPublished(handle, runBefore);
  const published = h.stubs
    .forCase(h.stubs.seen.publishes, caseNumber)
    .find((p) => p.request.cycle === cycle);
  expect(published).toBeDefined();
  return published!.at;
}

/** The disclosure service approved the non-publication the decision's plan asked for (#13 item 2). */
async function approveNonPublication(handle: TLifecycleHandle, caseNumber: string, cycle = 1): Promise<void> {
  await eventually(() =>
    expect(h.stubs.forCase(h.stubs.seen.drafts, caseNumber).some((d) => d.request.cycle === cycle)).toBe(
      true,
    ),
  );
  await handle.signal(msg.disclosureExempted, {
    cycle,
    disclosureId: `disclosure-${caseNumber}-${cycle}`,
    reason: 'tradeSecret',
    explanation: '决定主要内容涉及商业秘密，经审核批准不予公开。',
    exemptedBy: 'head-1',
    at: await serverNow(h),
  });
}

async function issueOpinion(
  handle: TLifecycleHandle,
  round: number,
  outcome: 'approve' | 'supplementInvestigation' | 'modify' | 'correct' | 'transfer',
) {
  await eventually(() =>
    expect(
      h.stubs.seen.reviews.some(
        (r) => r.request.round === round && r.request.workflowId === handle.workflowId,
      ),
    ).toBe(true),
  );
  await handle.signal(msg.reviewOpinionIssued, {
    round,
    outcome,
    reasons: `第 ${round} 轮意见`,
    issuedAt: await serverNow(h),
    reviewerId: 'reviewer-1',
    opinionId: `opinion-${round}`,
  });
}

test('non-major case: proposal → decision → disclosure → published → expired after 5 years', async () => {
  const caseNumber = 'PATH-NONMAJOR';
  const handle = await startCase(h, caseNumber, 'legalPerson');
  const proposed = await handle.executeUpdate(msg.submitProposal, {
    args: [minorProposal(await serverNow(h))],
  });
  expect(proposed).toEqual({ stage: 'decision', cycle: 1, round: null });

  // A non-major decision needs no collective discussion or head approval record.
  const made = await handle.executeUpdate(msg.decisionMade, {
    args: [
      decision(await todayInShanghai(h), {
        collectiveDiscussionRecordId: undefined,
        headApprovalRecordId: undefined,
      }),
    ],
  });
  expect(made).toEqual({ stage: 'disclosure', cycle: 1 });
  const s = await eventually(async () => {
    const st = await status(handle);
    expect(st.clocks.map((c) => c.kind)).toEqual(['disclosure']);
    return st;
  });
  expect(s.clocks[0]?.workingDays).toBe(7);

  const publishedAt = await approveAndPublish(handle, caseNumber);
  const published = await status(handle);
  expect(published.clocks).toEqual([]);
  expect(published.cycles[0]?.expiresAt).toBe(addYears(publishedAt, 5));

  const result = await handle.result(); // time skips 5 years
  expect(result).toEqual({ caseNumber, stage: 'expired', cycles: 1, rounds: 0 });
  const [expiry] = h.stubs.forCase(h.stubs.seen.expiries, caseNumber);
  expect(expiry?.request.expiresAt).toBe(addYears(publishedAt, 5));
  expect(Date.parse(expiry!.at)).toBeGreaterThanOrEqual(Date.parse(addYears(publishedAt, 5)));
  expect(transitions(caseNumber)).toEqual([
    'investigation→decision',
    'decision→disclosure',
    'disclosure→published',
    'published→expired',
  ]);
  await recordHistory(h, handle, 'non-major');
});

test('major case approved: legal review round → decision → published → expired after 2 years (natural person)', async () => {
  const caseNumber = 'PATH-MAJOR';
  const handle = await startCase(h, caseNumber, 'naturalPerson');
  const proposed = await handle.executeUpdate(msg.submitProposal, {
    args: [majorProposal(await serverNow(h))],
  });
  expect(proposed).toEqual({ stage: 'legalReview', cycle: 1, round: 1 });
  const reviewing = await eventually(async () => {
    const st = await status(handle);
    expect(st.clocks).toHaveLength(1);
    return st;
  });
  expect(reviewing.clocks[0]).toMatchObject({
    id: 'legalReview:1',
    kind: 'legalReview',
    workingDays: 10,
    status: 'running',
  });
  const [intake] = h.stubs.forCase(h.stubs.seen.reviews, caseNumber);
  expect(intake?.request).toMatchObject({ round: 1, cycle: 1, majorCriteria: ['majorRightsAffected'] });
  expect(reviewing.clocks[0]?.startAt).toBe(intake?.at);

  // Before the opinion, a decision is refused by the workflow itself.
  await expect(
    handle.executeUpdate(msg.decisionMade, { args: [decision(await todayInShanghai(h))] }),
  ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);

  await issueOpinion(handle, 1, 'approve');
  await stageIs(handle, 'decision');
  // Major: collective discussion and head approval are required.
  const refused = await handle
    .executeUpdate(msg.decisionMade, {
      args: [decision(await todayInShanghai(h), { collectiveDiscussionRecordId: undefined })],
    })
    .catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (refused as WorkflowUpdateFailedError).cause as ApplicationFailure;
  expect(cause.type).toBe('InvalidDecision');
  expect(cause.details?.[0]).toEqual([
    { code: 'decision.noCollectiveDiscussion', message: expect.any(String) },
  ]);

  await handle.executeUpdate(msg.decisionMade, { args: [decision(await todayInShanghai(h))] });
  await handle.signal(msg.decisionServed, {
    cycle: 1,
    servedAt: await serverNow(h),
    method: 'direct',
    recordId: 'rec-service',
  });
  const publishedAt = await approveAndPublish(handle, caseNumber);
  const s = await status(handle);
  expect(s.rounds).toEqual([
    expect.objectContaining({
      round: 1,
      cycle: 1,
      outcome: 'approve',
      reviewId: `review-${caseNumber}-1`,
      maxLevel: -1,
    }),
  ]);
  expect(s.cycles[0]).toMatchObject({ servedAt: expect.any(String), expiresAt: addYears(publishedAt, 2) });
  expect(s.major).toBe(true);

  const result = await handle.result();
  expect(result).toEqual({ caseNumber, stage: 'expired', cycles: 1, rounds: 1 });
  expect(h.stubs.forCase(h.stubs.seen.expiries, caseNumber)[0]?.request.expiresAt).toBe(
    addYears(publishedAt, 2),
  );
  await recordHistory(h, handle, 'major-approved');
});

test('supplement investigation sends the case back; modify asks for a resubmission; every round is kept', async () => {
  const caseNumber = 'PATH-ROUNDS';
  const handle = await startCase(h, caseNumber);
  await handle.executeUpdate(msg.submitProposal, { args: [majorProposal(await serverNow(h))] });
  await issueOpinion(handle, 1, 'supplementInvestigation');
  await stageIs(handle, 'investigation');

  expect(
    await handle.executeUpdate(msg.submitProposal, { args: [majorProposal(await serverNow(h))] }),
  ).toMatchObject({
    stage: 'legalReview',
    round: 2,
  });
  await issueOpinion(handle, 2, 'modify');
  await stageIs(handle, 'proposal');
  // A case once submitted as major cannot be resubmitted as non-major to skip the review.
  await expect(
    handle.executeUpdate(msg.submitProposal, { args: [minorProposal(await serverNow(h))] }),
  ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);

  await handle.executeUpdate(msg.submitProposal, { args: [majorProposal(await serverNow(h))] });
  await issueOpinion(handle, 3, 'correct');
  await stageIs(handle, 'proposal');
  await handle.executeUpdate(msg.submitProposal, { args: [majorProposal(await serverNow(h))] });
  await issueOpinion(handle, 4, 'approve');
  await stageIs(handle, 'decision');

  const s = await status(handle);
  expect(s.rounds.map((r) => [r.round, r.outcome])).toEqual([
    [1, 'supplementInvestigation'],
    [2, 'modify'],
    [3, 'correct'],
    [4, 'approve'],
  ]);
  expect(h.stubs.forCase(h.stubs.seen.reviews, caseNumber).map((r) => r.request.round)).toEqual([1, 2, 3, 4]);
  expect(s.clocks).toEqual([]);
  await handle.executeUpdate(msg.decisionMade, {
    args: [
      decision(await todayInShanghai(h), {
        disclosure: { mode: 'exempt', reason: 'tradeSecret', explanation: '涉及商业秘密' },
      }),
    ],
  });
  await approveNonPublication(handle, caseNumber);
  expect(await handle.result()).toEqual({ caseNumber, stage: 'exempt', cycles: 1, rounds: 4 });
  await recordHistory(h, handle, 'review-rounds');
});

test('transfer (移送) closes the case as transferred', async () => {
  const caseNumber = 'PATH-TRANSFER';
  const handle = await startCase(h, caseNumber);
  await handle.executeUpdate(msg.submitProposal, { args: [majorProposal(await serverNow(h))] });
  await issueOpinion(handle, 1, 'transfer');
  expect(await handle.result()).toEqual({ caseNumber, stage: 'transferred', cycles: 1, rounds: 1 });
  expect((await status(handle)).closedReason).toContain('移送');
  await recordHistory(h, handle, 'transfer');
});

// #13 item 2 (003 (三), 004 §10、§16): an exempt plan goes through the same check and head approval as
// any non-publication (patch exempt-plan-decided); the publication clock runs until the approval.
test('exempt decision (不予公开): the plan waits for the approved non-publication, nothing is published', async () => {
  const caseNumber = 'PATH-EXEMPT';
  const handle = await startCase(h, caseNumber);
  await handle.executeUpdate(msg.submitProposal, { args: [minorProposal(await serverNow(h))] });
  await handle.executeUpdate(msg.decisionMade, {
    args: [
      decision(await todayInShanghai(h), {
        disclosure: { mode: 'exempt', reason: 'minorParty', explanation: '当事人为未成年人' },
      }),
    ],
  });
  const drafts = await eventually(() => {
    const d = h.stubs.forCase(h.stubs.seen.drafts, caseNumber);
    expect(d).toHaveLength(1);
    return d;
  });
  expect(drafts.map((d) => d.request.disclosure)).toEqual([
    { mode: 'exempt', reason: 'minorParty', explanation: '当事人为未成年人' },
  ]);
  expect(drafts[0]?.request.dueAt).toBeDefined(); // the publication clock runs while it is decided
  expect((await status(handle)).clocks.map((c) => c.kind)).toEqual(['disclosure']);
  await approveNonPublication(handle, caseNumber);
  expect(await handle.result()).toEqual({ caseNumber, stage: 'exempt', cycles: 1, rounds: 0 });
  expect(h.stubs.forCase(h.stubs.seen.publishes, caseNumber)).toEqual([]);
  expect(h.stubs.forCase(h.stubs.seen.filings, caseNumber).map((f) => f.request.documentNumber)).toEqual([
    '常人社监罚〔2026〕8号',
  ]);
  await recordHistory(h, handle, 'exempt');
});

// #13 item 6, revokedBeforePublication (003 (六), 004 §14): revoked before it was published, the
// decision's pending disclosure stops with the explanation, its clock stops, the case closes.
test('revokedBeforePublication: a decision revoked before publication stops its pending disclosure', async () => {
  const caseNumber = 'PATH-REVOKED';
  const handle = await startCase(h, caseNumber);
  await handle.executeUpdate(msg.submitProposal, { args: [minorProposal(await serverNow(h))] });
  await handle.executeUpdate(msg.decisionMade, { args: [decision(await todayInShanghai(h))] });
  await eventually(() => expect(h.stubs.forCase(h.stubs.seen.drafts, caseNumber)).toHaveLength(1));
  expect((await status(handle)).clocks.map((c) => c.kind)).toEqual(['disclosure']);
  await handle.signal(msg.decisionRevoked, {
    cycle: 1,
    reason: 'revoked',
    document: {
      documentNumber: '常政复决〔2026〕3号',
      date: await todayInShanghai(h),
      authority: '某市人民政府',
    },
    explanation: '复议机关撤销了该行政处罚决定，决定不再公开。',
    recordId: '0190a0a0-0000-7000-8000-000000000001',
    recordedBy: 'officer-1',
    at: await serverNow(h),
  });
  expect(await handle.result()).toEqual({ caseNumber, stage: 'closed', cycles: 1, rounds: 0 });
  expect(h.stubs.forCase(h.stubs.seen.revocations, caseNumber).map((r) => r.request)).toEqual([
    expect.objectContaining({
      disclosureId: `disclosure-${caseNumber}-1`,
      reason: 'revoked',
      explanation: '复议机关撤销了该行政处罚决定，决定不再公开。',
    }),
  ]);
  expect(h.stubs.forCase(h.stubs.seen.publishes, caseNumber)).toEqual([]);
  const events = h.stubs.seen.clockEvents.filter((e) => e.input.caseNumber === caseNumber);
  expect(events.map((e) => e.input.type)).toEqual(['started', 'stopped']);
});

test('withdrawal "to be redone" opens a new decision cycle with its own disclosure; revoked ends it', async () => {
  const caseNumber = 'PATH-REDO';
  const handle = await startCase(h, caseNumber);
  await handle.executeUpdate(msg.submitProposal, { args: [minorProposal(await serverNow(h))] });
  await handle.executeUpdate(msg.decisionMade, { args: [decision(await todayInShanghai(h))] });
  await approveAndPublish(handle, caseNumber, 1);

  await handle.signal(msg.disclosureWithdrawn, {
    cycle: 1,
    disclosureId: `disclosure-${caseNumber}-1`,
    reason: 'toBeRedone',
    explanation: '复议机关责令重新作出',
    withdrawnBy: 'discloser-1',
    at: await serverNow(h),
  });
  await stageIs(handle, 'proposal');
  const redo = await status(handle);
  expect(redo.cycle).toBe(2);
  expect(redo.cycles[0]?.withdrawn).toMatchObject({
    reason: 'toBeRedone',
    explanation: '复议机关责令重新作出',
  });

  await handle.executeUpdate(msg.submitProposal, { args: [minorProposal(await serverNow(h))] });
  expect(
    await handle.executeUpdate(msg.decisionMade, {
      args: [decision(await todayInShanghai(h), { documentNumber: '常人社监罚〔2026〕9号' })],
    }),
  ).toEqual({
    stage: 'disclosure',
    cycle: 2,
  });
  await approveAndPublish(handle, caseNumber, 2);
  await handle.signal(msg.disclosureWithdrawn, {
    cycle: 2,
    disclosureId: `disclosure-${caseNumber}-2`,
    reason: 'revoked',
    explanation: '经行政诉讼判决撤销',
    withdrawnBy: 'discloser-1',
    at: await serverNow(h),
  });
  expect(await handle.result()).toEqual({ caseNumber, stage: 'withdrawn', cycles: 2, rounds: 0 });
  expect(h.stubs.forCase(h.stubs.seen.drafts, caseNumber).map((d) => d.request.cycle)).toEqual([1, 2]);
  expect(transitions(caseNumber)).toEqual([
    'investigation→decision',
    'decision→disclosure',
    'disclosure→published',
    'published→withdrawn',
    'withdrawn→proposal',
    'proposal→decision',
    'decision→disclosure',
    'disclosure→published',
    'published→withdrawn',
  ]);
  await recordHistory(h, handle, 'withdrawal-redo');
});

test('a second start for the same case returns the existing lifecycle, running or closed', async () => {
  const caseNumber = 'PATH-DUP';
  const first = await startCase(h, caseNumber);
  const firstRun = (await first.describe()).runId;
  const { startCaseLifecycle } = await import('../src/lifecycle/start-case-lifecycle');
  const input = {
    caseNumber,
    title: '重复立案',
    party: { kind: 'legalPerson' as const, name: '某公司' },
    openedBy: 'officer-2',
    openedAt: await serverNow(h),
  };
  const again = await startCaseLifecycle(h.env.client, input, { taskQueue: h.taskQueue });
  expect(again.started).toBe(false);
  expect((await again.handle.describe()).runId).toBe(firstRun);

  await first.executeUpdate(msg.closeCase, {
    args: [{ closedBy: 'officer-1', closedAt: await serverNow(h), reason: '违法事实不成立，撤销立案' }],
  });
  expect(await first.result()).toMatchObject({ stage: 'closed' });
  const afterClose = await startCaseLifecycle(h.env.client, input, { taskQueue: h.taskQueue });
  expect(afterClose.started).toBe(false);
  expect((await afterClose.handle.describe()).runId).toBe(firstRun);
  await recordHistory(h, first, 'closed');
});

describe('submitProposal validator', () => {
  let handle: TLifecycleHandle;
  beforeAll(async () => {
    handle = await startCase(h, 'PATH-VALIDATOR');
  });

  const rejection = async (payload: unknown) => {
    const err = await handle
      .executeUpdate(msg.submitProposal, { args: [payload as never] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
    return { type: cause.type, codes: (cause.details?.[0] as { code: string }[]).map((p) => p.code) };
  };

  test('rejects fewer than two certified officers', async () => {
    const now = await serverNow(h);
    const [one] = majorProposal(now).officers;
    expect(await rejection(majorProposal(now, { officers: [one!] }))).toEqual({
      type: 'InvalidProposal',
      codes: ['officers.tooFew'],
    });
    // Two entries with the same certificate are one officer.
    expect(
      await rejection(majorProposal(now, { officers: [one!, { ...one!, userId: 'other' }] })),
    ).toMatchObject({
      codes: ['officers.tooFew'],
    });
  });

  test('rejects major without criteria, criteria without major, and a missing material', async () => {
    const now = await serverNow(h);
    expect((await rejection(majorProposal(now, { majorCriteria: [] }))).codes).toEqual(['major.noCriteria']);
    expect((await rejection(minorProposal(now, { majorCriteria: ['majorSocialImpact'] }))).codes).toEqual([
      'major.criteriaWithoutMajor',
    ]);
    const withoutEvidence = majorProposal(now).materials.filter((m) => m.kind !== 'evidence');
    expect((await rejection(majorProposal(now, { materials: withoutEvidence }))).codes).toEqual([
      'materials.missing',
    ]);
  });

  test('hearing or assessment record: required only where there was one', async () => {
    const now = await serverNow(h);
    expect((await rejection(majorProposal(now, { hearingOrAssessmentHeld: true }))).codes).toEqual([
      'materials.missing',
    ]);
    expect((await rejection(majorProposal(now, { majorCriteria: ['afterHearing'] }))).codes).toEqual([
      'hearing.notDeclared',
      'materials.missing',
    ]);
  });

  test('rejects a malformed payload without failing the workflow', async () => {
    const r = await rejection({ submittedBy: 'x' });
    expect(r.type).toBe('InvalidProposal');
    expect(r.codes.length).toBeGreaterThan(0);
    expect((await status(handle)).stage).toBe('investigation');
  });

  test('accepts a complete major proposal with a hearing record', async () => {
    const now = await serverNow(h);
    const proposal = majorProposal(now, { majorCriteria: ['afterHearing'], hearingOrAssessmentHeld: true });
    proposal.materials.push({ kind: 'hearingOrAssessment', documentId: 'rec-hearing', title: '听证笔录' });
    expect(await handle.executeUpdate(msg.submitProposal, { args: [proposal] })).toMatchObject({
      stage: 'legalReview',
      round: 1,
    });
    // Nothing rejected left a trace: exactly one round.
    expect((await status(handle)).rounds).toHaveLength(1);
    await terminateQuietly(handle);
  });
});
