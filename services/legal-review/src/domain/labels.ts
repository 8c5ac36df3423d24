import { materialKindLabel, type TSubmissionMaterialKind } from '@sanxiang/shared/src/domain';

// Staff-facing Chinese labels, used in messages and in the written opinion. The labels of the
// shared vocabulary live with it, so every service words them the same.
export {
  decisionKindLabel,
  majorCriterionLabel,
  materialKindLabel,
  reviewPointLabel,
} from '@sanxiang/shared/src/domain';

export const findingConclusionLabel = {
  noIssue: '未发现问题',
  issueFound: '发现问题',
  notApplicable: '不适用',
} as const;

export const listMaterialKinds = (kinds: readonly TSubmissionMaterialKind[]): string =>
  kinds.map((k) => materialKindLabel[k]).join('、');
