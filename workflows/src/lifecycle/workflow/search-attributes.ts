import {
  defineSearchAttributeKey,
  SearchAttributeType,
  type SearchAttributeUpdatePair,
} from '@temporalio/common';
import { caseSearchAttributes, type TCaseSearchAttributeName } from '@sanxiang/shared/src/contracts';

// Typed keys for the names and types listed once in the shared contract.
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

const keys = {
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
  if (keys[a.name].type !== a.type.toUpperCase()) throw new Error(`Search attribute ${a.name} type mismatch`);
}

export interface TCaseSearchValues {
  caseNumber: string;
  stage: string;
  deadlineAt: string | null;
  overdue: boolean;
  escalationLevel: number;
  major: boolean;
  provisionalDeadline: boolean;
}

/** The update pairs for the values that differ from `previous` (all of them when there is none). */
export function searchAttributeUpdates(
  next: TCaseSearchValues,
  previous?: TCaseSearchValues,
): SearchAttributeUpdatePair[] {
  const pairs: SearchAttributeUpdatePair[] = [];
  const changed = <K extends keyof TCaseSearchValues>(k: K) =>
    previous === undefined || previous[k] !== next[k];
  if (changed('caseNumber')) pairs.push({ key: saCaseNumber, value: next.caseNumber });
  if (changed('stage')) pairs.push({ key: saStage, value: next.stage });
  if (changed('deadlineAt')) {
    pairs.push({ key: saDeadlineAt, value: next.deadlineAt === null ? null : new Date(next.deadlineAt) });
  }
  if (changed('overdue')) pairs.push({ key: saOverdue, value: next.overdue });
  if (changed('escalationLevel')) pairs.push({ key: saEscalationLevel, value: next.escalationLevel });
  if (changed('major')) pairs.push({ key: saMajor, value: next.major });
  if (changed('provisionalDeadline'))
    pairs.push({ key: saProvisionalDeadline, value: next.provisionalDeadline });
  return pairs;
}
