import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { caseSearchAttributes, type TCaseSearchAttributeName } from './search-attributes';

// Typed keys for the names and types listed once in search-attributes.ts (used by the workflow and
// by whoever starts it). Not in the contracts index: the console's browser bundle imports that.
export const saCaseNumber = defineSearchAttributeKey('CaseNumber', SearchAttributeType.KEYWORD);
export const saStage = defineSearchAttributeKey('Stage', SearchAttributeType.KEYWORD);
export const saDeadlineAt = defineSearchAttributeKey('DeadlineAt', SearchAttributeType.DATETIME);
export const saOverdue = defineSearchAttributeKey('Overdue', SearchAttributeType.BOOL);
export const saEscalationLevel = defineSearchAttributeKey('EscalationLevel', SearchAttributeType.INT);
export const saMajor = defineSearchAttributeKey('Major', SearchAttributeType.BOOL);
export const saProvisionalDeadline = defineSearchAttributeKey(
  'ProvisionalDeadline',
  SearchAttributeType.BOOL,
);

export const caseSearchAttributeKeys = {
  CaseNumber: saCaseNumber,
  Stage: saStage,
  DeadlineAt: saDeadlineAt,
  Overdue: saOverdue,
  EscalationLevel: saEscalationLevel,
  Major: saMajor,
  ProvisionalDeadline: saProvisionalDeadline,
} satisfies Record<TCaseSearchAttributeName, { name: string; type: string }>;

// Fails at bundle/test time if the shared list and these keys drift apart.
for (const a of caseSearchAttributes) {
  if (caseSearchAttributeKeys[a.name].type !== a.type.toUpperCase())
    throw new Error(`Search attribute ${a.name} type mismatch`);
}
