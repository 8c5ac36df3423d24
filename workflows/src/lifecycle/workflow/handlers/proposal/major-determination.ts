import {
  lifecycleFailureTypes as failure,
  ZDesignateMajor,
  ZDowngradeMajor,
  type TMajorDetermination,
  type TMajorUpdateResult,
  type TSubmitProposal,
} from '@sanxiang/shared/src/contracts';
import { caseStageLabel, majorCriterionLabel } from '@sanxiang/shared/src/domain';
import type { Lifecycle } from '../../lifecycle';
import { parseUpdate, reject } from '../../parse-messages';
import { iso } from '../../time';

/**
 * Whether a case is major is not the handler's word alone (审核办法 §4–§5, §19): the legal-review
 * office or a head can designate a pending case major, which pulls it into review (a case already
 * proposed as ordinary goes back to the proposal, and only a major proposal is accepted); a
 * downgrade needs a head's approval with a reason. Every determination is kept with who and why.
 */

const pendingStages = ['investigation', 'proposal', 'decision'] as const;

export function recordDetermination(lc: Lifecycle, d: TMajorDetermination): void {
  (lc.state.majorDeterminations ??= []).push(d);
}

/** The handler's own determination, with the answers and what else made the case major. */
export function proposalDetermination(p: TSubmitProposal, major: boolean): TMajorDetermination {
  const because = [
    ...(p.majorBecause?.hearingHeld ? ['已举行听证'] : []),
    ...(p.majorBecause?.catalogueEntries ?? []).map((e) => `属于重大执法决定事项目录：${e.title}`),
    ...p.majorCriteria.map((c) => majorCriterionLabel[c]),
  ];
  return {
    at: iso(p.submittedAt),
    by: p.submittedBy,
    source: 'proposal',
    major,
    reason: because.length > 0 ? because.join('；') : '承办人逐项认定不属于重大执法决定',
    criteria: p.majorCriteria,
  };
}

export function validateDesignateMajor(lc: Lifecycle, raw: unknown): void {
  parseUpdate(ZDesignateMajor, raw, failure.invalidDesignation);
  const { stage } = lc.state;
  if (!(pendingStages as readonly string[]).includes(stage))
    reject(failure.wrongStage, [
      { code: 'stage', message: `当前阶段（${caseStageLabel[stage]}）不能认定为重大执法决定` },
    ]);
  if (lc.state.major)
    reject(failure.alreadyMajor, [{ code: 'major.already', message: '本案已认定为重大执法决定' }]);
}

export function designateMajor(lc: Lifecycle, raw: unknown): TMajorUpdateResult {
  const p = ZDesignateMajor.parse(raw);
  const { state } = lc;
  state.major = true;
  state.majorCriteria = [...new Set([...state.majorCriteria, ...p.criteria])];
  recordDetermination(lc, {
    at: iso(p.at),
    by: p.designatedBy,
    source: 'designation',
    major: true,
    reason: p.reason,
    criteria: p.criteria,
  });
  if (state.stage === 'decision') {
    // Proposed as ordinary: no decision without legal review (审核办法 §5).
    lc.setStage('proposal', '认定为重大执法决定，须送法制审核');
  } else {
    lc.syncSearchAttributes();
  }
  return { stage: state.stage, major: true };
}

export function validateDowngradeMajor(lc: Lifecycle, raw: unknown): void {
  parseUpdate(ZDowngradeMajor, raw, failure.invalidDowngrade);
  const { stage, major } = lc.state;
  if (!major) reject(failure.notMajor, [{ code: 'major.not', message: '本案未认定为重大执法决定' }]);
  if (stage !== 'investigation' && stage !== 'proposal')
    reject(failure.wrongStage, [
      { code: 'stage', message: `当前阶段（${caseStageLabel[stage]}）不能改为一般案件` },
    ]);
}

export function downgradeMajor(lc: Lifecycle, raw: unknown): TMajorUpdateResult {
  const p = ZDowngradeMajor.parse(raw);
  const { state } = lc;
  state.major = false;
  state.majorCriteria = [];
  recordDetermination(lc, {
    at: iso(p.at),
    by: p.approvedBy,
    source: 'downgrade',
    major: false,
    reason: p.reason,
    criteria: [],
  });
  lc.syncSearchAttributes();
  return { stage: state.stage, major: false };
}
