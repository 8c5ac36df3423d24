import {
  caseStageLabel,
  decisionKindLabel,
  partyKindLabel,
  recordKindLabel,
  reviewOutcomeLabel,
  roleLabel as roleLabels,
} from '@sanxiang/shared/src/domain';

/** The shared vocabulary's Chinese names (packages/shared), looked up by the strings the APIs send. */
const lookup =
  (labels: Record<string, string>) =>
  (value: string | null | undefined): string =>
    value == null ? '—' : (labels[value] ?? value);

export const roleLabel = lookup(roleLabels);
export const stageLabel = lookup(caseStageLabel);
export const partyLabel = lookup(partyKindLabel);
export const recordLabel = lookup(recordKindLabel);
export const outcomeLabel = lookup(reviewOutcomeLabel);
export const decisionLabel = lookup(decisionKindLabel);

export const reviewStatusLabel = lookup({
  pending: '待受理',
  inReview: '审核中',
  awaitingMaterials: '待补充材料',
  issued: '已出具意见',
});
export const clockStateLabel = lookup({ running: '计时中', paused: '已中止', stopped: '已停止' });
export const activityKindLabel: Record<string, string> = {
  siteInspection: '现场检查',
  interview: '询问',
  sampling: '抽样取证',
  evidencePreservation: '证据先行登记保存',
  service: '送达',
  hearing: '听证',
  other: '其他',
};
