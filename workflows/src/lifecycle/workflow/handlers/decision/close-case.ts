import { lifecycleFailureTypes as failure, ZCloseCase } from '@sanxiang/shared/src/contracts';
import { caseStageLabel, type TCaseStage } from '@sanxiang/shared/src/domain';
import type { Lifecycle } from '../../lifecycle';
import { parseUpdate, reject } from '../../parse-messages';

/** Only before a decision (撤案, 不予立案后结案). */
export function validateCloseCase(lc: Lifecycle, raw: unknown): void {
  parseUpdate(ZCloseCase, raw, failure.invalidClose);
  const { stage } = lc.state;
  if (stage !== 'investigation' && stage !== 'proposal') {
    reject(failure.wrongStage, [
      { code: 'stage', message: `当前阶段（${caseStageLabel[stage]}）不能直接结案` },
    ]);
  }
}

/** Closes a case without a decision to publish. */
export function closeCase(lc: Lifecycle, raw: unknown): { stage: TCaseStage } {
  const p = ZCloseCase.parse(raw);
  lc.state.closedReason = p.reason;
  lc.setStage('closed', p.reason);
  return { stage: lc.state.stage };
}
