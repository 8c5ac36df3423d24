import { ApplicationFailure } from '@temporalio/common';
import { startReviewClock } from '../../src/lifecycle/workflow/handlers/legal-review/start-review-clock';
import { onReviewMaterialsReceived } from '../../src/lifecycle/workflow/handlers/legal-review/review-materials-received';
import { onReviewMaterialsRequested } from '../../src/lifecycle/workflow/handlers/legal-review/review-materials-requested';
import { onReviewOpinionIssued } from '../../src/lifecycle/workflow/handlers/legal-review/review-opinion-issued';
import {
  submitProposal,
  validateSubmitProposal,
} from '../../src/lifecycle/workflow/handlers/proposal/submit-proposal';
import { legalReviewStage } from '../../src/lifecycle/workflow/stages/legal-review-stage';
import { fakeLifecycle, proposal } from '../support/fake-lifecycle';

const rejection = (act: () => void): ApplicationFailure => {
  try {
    act();
  } catch (err) {
    if (err instanceof ApplicationFailure) return err;
    throw err;
  }
  throw new Error('not rejected');
};

test('a major proposal opens review round 1, queues the transition and updates the Stage attribute', () => {
  const { lc, seen } = fakeLifecycle();
  expect(submitProposal(lc, proposal())).toEqual({ stage: 'legalReview', cycle: 1, round: 1 });
  expect(lc.state.rounds).toHaveLength(1);
  expect(lc.state.outbox).toEqual([
    expect.objectContaining({
      type: 'stageTransition',
      idempotencyKey: 'case-lifecycle:test:stage:1',
      request: expect.objectContaining({ from: 'investigation', to: 'legalReview', note: '第 1 轮法制审核' }),
    }),
  ]);
  expect(seen.upserts.flat().map((p) => [p.key.name, p.value])).toContainEqual(['Stage', 'legalReview']);
});

test('a proposal is refused in the wrong stage, and a major case cannot be downgraded', () => {
  const { lc } = fakeLifecycle();
  submitProposal(lc, proposal());
  expect(rejection(() => validateSubmitProposal(lc, proposal())).type).toBe('WrongStage');
  lc.state.stage = 'proposal';
  const downgrade = rejection(() =>
    validateSubmitProposal(lc, proposal({ major: false, majorCriteria: [], materials: [] })),
  );
  expect(downgrade.type).toBe('InvalidProposal');
  expect(downgrade.details?.[0]).toEqual([expect.objectContaining({ code: 'major.cannotDowngrade' })]);
});

test('the 10-working-day review clock starts at the intake receipt, pauses for materials, restarts on receipt', async () => {
  const { lc, seen } = fakeLifecycle({ now: '2026-03-02T02:00:00Z' });
  submitProposal(lc, proposal());
  await expect(legalReviewStage(lc)).rejects.toThrow('fake condition would block'); // waits for the opinion
  expect(seen.calls.map((c) => c.name)).toEqual(['submitLegalReview']);
  expect(seen.opened).toEqual([
    expect.objectContaining({
      id: 'legalReview:1',
      kind: 'legalReview',
      startAt: '2026-03-02T02:00:00.000Z',
    }),
  ]);

  onReviewMaterialsRequested(lc, {
    round: 1,
    requestedAt: '2026-03-03T02:00:00Z',
    dueDate: '2026-03-06',
    missing: ['evidence'],
  });
  expect(seen.paused).toEqual(['legalReview:1']);
  await startReviewClock(lc, lc.state.rounds[0]!); // paused: nothing starts
  expect(seen.opened).toHaveLength(1);

  await onReviewMaterialsReceived(lc, { round: 1, receivedAt: '2026-03-05T03:00:00+08:00' });
  expect(seen.opened[1]).toEqual(
    expect.objectContaining({ id: 'legalReview:1', startAt: '2026-03-04T19:00:00.000Z' }),
  );
});

test('an opinion closes the clock and moves the case by its outcome; another round is ignored', () => {
  const { lc, seen } = fakeLifecycle();
  submitProposal(lc, proposal());
  const opinion = { reasons: '事实清楚', issuedAt: '2026-03-10T02:00:00Z', reviewerId: 'r', opinionId: 'o' };
  onReviewOpinionIssued(lc, { ...opinion, round: 2, outcome: 'approve' });
  expect(lc.state.stage).toBe('legalReview');
  expect(seen.warnings).toEqual(['Ignoring reviewOpinionIssued: not the open round']);
  onReviewOpinionIssued(lc, { ...opinion, round: 1, outcome: 'supplementInvestigation' });
  expect(lc.state.stage).toBe('investigation');
  expect(seen.closed).toEqual(['legalReview:1']);
});
