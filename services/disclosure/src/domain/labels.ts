// User-facing (Simplified Chinese) names of domain values for pages, API and CSV. The labels of the
// shared vocabulary live with it, so every service words them the same.
export {
  decisionKindLabel,
  exemptionReasonLabel,
  partyKindLabel,
  withdrawalReasonLabel,
} from '@sanxiang/shared/src/domain';

/** Look up a label for a value stored as text; unknown values are shown as they are. */
export const labelOf = <K extends string>(
  labels: Record<K, string>,
  value: string | null | undefined,
): string => (value == null ? '' : ((labels as Record<string, string>)[value] ?? value));

/** States of a disclosure record as staff read them. */
export const disclosureStatusLabel: Record<string, string> = {
  draft: '草稿',
  approved: '已批准，待发布',
  published: '已公示',
  withdrawn: '已撤下',
  expired: '公示期满撤下',
  exempt: '不予公开',
};
