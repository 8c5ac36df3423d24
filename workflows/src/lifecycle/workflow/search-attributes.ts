import type { SearchAttributeUpdatePair } from '@temporalio/common';
import {
  saCaseNumber,
  saDeadlineAt,
  saEscalationLevel,
  saMajor,
  saOverdue,
  saProvisionalDeadline,
  saStage,
} from '@sanxiang/shared/src/contracts/search-attribute-keys';

// The typed keys live with the names and types in the shared contract (recording starts the
// workflow with them, without importing workflow code).
export {
  saCaseNumber,
  saDeadlineAt,
  saEscalationLevel,
  saMajor,
  saOverdue,
  saProvisionalDeadline,
  saStage,
} from '@sanxiang/shared/src/contracts/search-attribute-keys';

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
