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

// ---- disclosure (公示) -----------------------------------------------------------------------
export const disclosureStatusLabel = lookup({
  draft: '草稿',
  approved: '已批准，待发布',
  published: '已公示',
  withdrawn: '已撤下',
  expired: '公示期满撤下',
  exempt: '不予公开',
});
export const disclosureStageLabel = lookup({
  editing: '编辑中',
  awaitingCheck: '待审核',
  awaitingApproval: '待负责人批准',
});
export const disclosureKindLabel = lookup({
  decision: '行政执法决定',
  catalogueEntry: '事前公开目录',
  randomInspectionResults: '随机抽查结果',
  creditBlacklist: '失信惩戒名单',
  annualStatistics: '统计年报',
});
export const reviewActionLabel = lookup({
  submit: '提交审核',
  checkPass: '审核通过',
  checkReturn: '审核退回',
  approve: '负责人批准',
  approvalReturn: '负责人退回',
});
export const outcomeKindLabel = lookup({ withdrawal: '撤下', nonPublication: '不予公开' });
export const outcomeStageLabel = lookup({
  awaitingCheck: '待审核',
  awaitingApproval: '待负责人批准',
  approved: '已批准',
  returned: '已退回',
});
export const versionPurposeLabel = lookup({ initial: '初稿', revision: '修改', correction: '更正' });

// ---- correction requests (更正申请) and the catalogue (事前公开目录) ---------------------------
export const correctionStatusLabel = lookup({ open: '待答复', answered: '已答复' });
export const correctionOutcomeLabel = lookup({
  corrected: '已更正',
  partlyCorrected: '部分更正',
  rejected: '不予更正',
});
export const requesterKindLabel = lookup({ citizen: '公民', organisation: '法人或其他组织' });
export const catalogueChangeKindLabel = lookup({
  lawChange: '法律、法规、规章或规范性文件立改废',
  functionChange: '部门机构职能调整',
});
export const catalogueChangeStatusLabel = lookup({ open: '待更新', completed: '已全部更新' });
export const escalationLevelLabel = lookup({ '0': '提醒', '1': '督办', '2': '二次督办' });
