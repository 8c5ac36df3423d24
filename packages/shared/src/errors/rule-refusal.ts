import { AppError } from './app-error';

/**
 * The legal-risk rules (issue 13) a refusal can name, with the seed text that carries each one
 * (docs/rules.md lists them with their code and tests). A refusal answers 409 (the state or the
 * person does not allow it) or 422 (what was sent does not satisfy the rule), with a Chinese
 * message that names the rule: `不符合“职责分离”规则（审核办法 §3、§17）：…`, and `rule` in the
 * problem body for programs.
 */
export const legalRules = {
  separationOfDuties: { name: '职责分离', seed: '审核办法 §3、§17' },
  withdrawalDecided: { name: '撤下须经审核和负责人批准', seed: '003 (六)，004 §14、§16' },
  nonPublicationDecided: { name: '不予公开须经审核和负责人批准', seed: '003 (三)，004 §10、§16，000 §18' },
  catalogueKeptCurrent: { name: '事前公开目录随立改废动态调整、留存历史', seed: '000 §4，003 (一)' },
  certificateShown: { name: '执法活动中出示执法证件', seed: '000 §10，004 §5，记录规定 §9(一)' },
  audioVisualContinuous: { name: '音视频不间断记录', seed: '记录规定 §13' },
  noPrivateCopies: { name: '执法人员不得自行保存音视频记录', seed: '记录规定 §16、§17、§19' },
} as const;
export type TLegalRule = keyof typeof legalRules;

/** `不符合“<rule>”规则（<seed>）` — the opening of every refusal by rule. */
export const ruleLabel = (rule: TLegalRule): string =>
  `不符合“${legalRules[rule].name}”规则（${legalRules[rule].seed}）`;

export function refuseByRule(
  rule: TLegalRule,
  message: string,
  options: { status?: 409 | 422; extra?: Record<string, unknown>; field?: string } = {},
): AppError {
  const detail = `${ruleLabel(rule)}：${message}`;
  return new AppError(options.status === 422 ? 'unprocessable' : 'conflict', detail, {
    extra: { rule, ...options.extra },
    ...(options.field ? { fields: [{ path: options.field, message: detail }] } : {}),
  });
}
