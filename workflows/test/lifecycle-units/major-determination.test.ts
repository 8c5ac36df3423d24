import { ApplicationFailure } from '@temporalio/common';
import { checkProposal } from '@sanxiang/shared/src/contracts';
import { validateDecisionMade } from '../../src/lifecycle/workflow/handlers/decision/decision-made';
import {
  designateMajor,
  downgradeMajor,
  validateDesignateMajor,
  validateDowngradeMajor,
} from '../../src/lifecycle/workflow/handlers/proposal/major-determination';
import {
  submitProposal,
  validateSubmitProposal,
} from '../../src/lifecycle/workflow/handlers/proposal/submit-proposal';
import { statusOf } from '../../src/lifecycle/workflow/handlers/status-query';
import { decision, fakeLifecycle, proposal } from '../support/fake-lifecycle';

/** Issue #13 item 1: whether a case is major is not the handler's word alone (seeds/004 审核办法 §4–§5, §19). */

const rejection = (act: () => void): ApplicationFailure => {
  try {
    act();
  } catch (err) {
    if (err instanceof ApplicationFailure) return err;
    throw err;
  }
  throw new Error('not rejected');
};

const ordinary = proposal({ major: false, majorCriteria: [], materials: [] });
const designation = {
  designatedBy: 'reviewer-1',
  role: 'reviewer' as const,
  at: '2026-03-03T02:00:00Z',
  reason: '涉及三十二名劳动者工资，直接关系重大权益',
  criteria: ['majorRightsAffected' as const],
};

test('majorDesignated: the legal-review office pulls an ordinary case back from decision into review (审核办法 §5)', () => {
  const { lc } = fakeLifecycle();
  submitProposal(lc, ordinary);
  expect(lc.state.stage).toBe('decision');
  validateDesignateMajor(lc, designation);
  expect(designateMajor(lc, designation)).toEqual({ stage: 'proposal', major: true });
  expect(lc.state.majorCriteria).toEqual(['majorRightsAffected']);
  // No decision now without review, and only a major proposal is accepted.
  lc.state.stage = 'decision';
  expect(rejection(() => validateDecisionMade(lc, decision())).type).toBe('InvalidDecision');
  lc.state.stage = 'proposal';
  const again = rejection(() => validateSubmitProposal(lc, ordinary));
  expect(again.details?.[0]).toEqual([expect.objectContaining({ code: 'major.cannotDowngrade' })]);
  expect(submitProposal(lc, proposal()).stage).toBe('legalReview');
  // Designated twice, or once in review: refused.
  expect(rejection(() => validateDesignateMajor(lc, designation)).type).toBe('WrongStage');
  // Every determination with who and why (审核办法 §19).
  expect(statusOf(lc).majorDeterminations).toEqual([
    expect.objectContaining({ source: 'proposal', by: 'officer-1', major: false }),
    expect.objectContaining({
      source: 'designation',
      by: 'reviewer-1',
      major: true,
      reason: designation.reason,
    }),
    expect.objectContaining({ source: 'proposal', by: 'officer-1', major: true }),
  ]);
});

test('majorDowngrade: only with a head approval and a reason, never during review (审核办法 §4)', () => {
  const { lc } = fakeLifecycle();
  const downgrade = {
    approvedBy: 'head-1',
    at: '2026-03-04T02:00:00Z',
    reason: '经核查涉案金额较小，不属于重大情形',
  };
  expect(rejection(() => validateDowngradeMajor(lc, downgrade)).type).toBe('NotMajor');
  designateMajor(lc, designation);
  expect(rejection(() => validateDowngradeMajor(lc, { ...downgrade, reason: '' })).type).toBe(
    'InvalidDowngrade',
  );
  validateDowngradeMajor(lc, downgrade);
  expect(downgradeMajor(lc, downgrade)).toEqual({ stage: 'investigation', major: false });
  expect(lc.state.majorDeterminations?.at(-1)).toEqual(
    expect.objectContaining({ source: 'downgrade', by: 'head-1', reason: downgrade.reason }),
  );
  lc.state.major = true;
  lc.state.stage = 'legalReview';
  expect(rejection(() => validateDowngradeMajor(lc, downgrade)).type).toBe('WrongStage');
});

test('majorAnswers: the six criteria answered consistently; a hearing or a catalogue entry makes the case major (审核办法 §4)', () => {
  const answers = (applying: string[]) =>
    (
      [
        'majorPublicInterest',
        'majorSocialImpact',
        'majorRightsAffected',
        'afterHearing',
        'complexLegalRelations',
        'requiredByLaw',
      ] as const
    ).map((criterion) => ({ criterion, applies: applying.includes(criterion), reason: '逐项核查' }));
  const codes = (p: Parameters<typeof checkProposal>[0]) => checkProposal(p).map((x) => x.code);
  expect(codes(proposal({ majorAssessment: answers(['majorRightsAffected']) }))).toEqual([]);
  expect(codes(proposal({ majorAssessment: answers([]) }))).toContain('major.assessmentMismatch');
  expect(codes({ ...ordinary, majorBecause: { hearingHeld: true, catalogueEntries: [] } })).toContain(
    'major.hearingHeld',
  );
  expect(
    codes({
      ...ordinary,
      majorBecause: {
        hearingHeld: false,
        catalogueEntries: [{ id: 'fine-50000', title: '处五万元以上罚款' }],
      },
    }),
  ).toContain('major.inCatalogue');
});
