import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { condition, upsertSearchAttributes, defineSignal, setHandler } from '@temporalio/workflow';
const Stage = defineSearchAttributeKey('Stage', SearchAttributeType.KEYWORD);
const Deadline = defineSearchAttributeKey('DeadlineAt', SearchAttributeType.DATETIME);
const Overdue = defineSearchAttributeKey('Overdue', SearchAttributeType.BOOL);
const go = defineSignal('go');
export async function probeWf(): Promise<string> {
  let done = false;
  setHandler(go, () => { done = true; });
  upsertSearchAttributes([{ key: Stage, value: 'investigation' }, { key: Deadline, value: new Date() }, { key: Overdue, value: true }]);
  upsertSearchAttributes([{ key: Deadline, value: null }]);
  await condition(() => done);
  return 'ok';
}
