import { refuseByRule, type TLegalRule } from '@sanxiang/shared';
import type { Disclosure, OutcomeRequest, ReviewStep } from '../../data-access/rows';
import type { TCommandContext } from '../../data-access/unit-of-work';

/**
 * 职责分离 (审核办法 §3, §17; 内部审核 000 §18, 004 §16): nobody checks or approves their own work.
 * - the check (审核): never the version's author or submitter, nor an officer of the case;
 * - the approval (负责人批准): never the author, submitter or checker, nor an officer of the case.
 */
export function assertNotOwnWork(
  step: 'check' | 'approve',
  d: Pick<Disclosure, 'handlerIds'>,
  versionAuthor: string | undefined,
  steps: ReviewStep[],
  actor: TCommandContext['actor'],
): void {
  const last = (action: ReviewStep['action']) => [...steps].reverse().find((s) => s.action === action);
  const what = step === 'check' ? '审核' : '批准';
  const refuse = (role: string, reason: string) =>
    refuseByRule('separationOfDuties', `${actor.name} 是${role}，不能${what}该版本`, { extra: { reason } });
  if (d.handlerIds.includes(actor.id)) throw refuse('本案执法人员', 'handlingOfficer');
  if (versionAuthor === actor.id) throw refuse('该版本的起草人', 'author');
  if (last('submit')?.actorId === actor.id) throw refuse('该版本的提交人', 'submitter');
  if (step === 'approve' && last('checkPass')?.actorId === actor.id)
    throw refuse('该版本的审核人', 'checker');
}

/**
 * The same for a withdrawal or non-publication request (#13 items 9 and 2): the check never by the
 * requester nor an officer of the case; the head's approval never by the requester, the checker or
 * an officer of the case.
 */
export function assertNotOwnOutcome(
  step: 'check' | 'approve',
  d: Pick<Disclosure, 'handlerIds'>,
  r: Pick<OutcomeRequest, 'requestedBy' | 'checkedBy' | 'kind'>,
  actor: TCommandContext['actor'],
  rule: TLegalRule,
): void {
  const what = `${step === 'check' ? '审核' : '批准'}该${r.kind === 'withdrawal' ? '撤下' : '不予公开'}申请`;
  const refuse = (role: string, reason: string) =>
    refuseByRule('separationOfDuties', `${actor.name} 是${role}，不能${what}`, {
      extra: { reason, outcomeRule: rule },
    });
  if (d.handlerIds.includes(actor.id)) throw refuse('本案执法人员', 'handlingOfficer');
  if (r.requestedBy === actor.id) throw refuse('该申请的提出人', 'requester');
  if (step === 'approve' && r.checkedBy === actor.id) throw refuse('该申请的审核人', 'checker');
}
