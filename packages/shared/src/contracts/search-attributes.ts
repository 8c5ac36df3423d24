/**
 * Custom search attributes of the case lifecycle, kept current by the workflow so that an admin can
 * filter in the Temporal UI, e.g. `Overdue = true AND EscalationLevel >= 2`. Plain names and types
 * (no Temporal import): the dev-server start script registers them (`--search-attribute Name=Type`),
 * the workflow defines typed keys from this list, and the time-skipping test helper registers them.
 */
export const caseSearchAttributes = [
  { name: 'CaseNumber', type: 'Keyword' }, // 案号
  { name: 'Stage', type: 'Keyword' }, // ZCaseStage
  { name: 'DeadlineAt', type: 'Datetime' }, // earliest due instant among running clocks; unset when none
  { name: 'Overdue', type: 'Bool' }, // a running clock is past its due instant
  { name: 'EscalationLevel', type: 'Int' }, // highest level among running clocks: 0 none/reminded, 1, 2
  { name: 'Major', type: 'Bool' }, // 重大执法决定
  { name: 'ProvisionalDeadline', type: 'Bool' }, // a running clock counts over a year without calendar data
] as const;

export type TCaseSearchAttributeName = (typeof caseSearchAttributes)[number]['name'];
export type TSearchAttributeTypeName = (typeof caseSearchAttributes)[number]['type'];

/** `--search-attribute` flags for `temporal server start-dev`. */
export const searchAttributeCliArgs = (): string[] =>
  caseSearchAttributes.flatMap((a) => ['--search-attribute', `${a.name}=${a.type}`]);
