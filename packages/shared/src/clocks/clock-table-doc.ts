import { REMINDER_TIME_BEIJING, clockRuleKinds, clockRules } from './clock-kinds';

export const CLOCK_TABLE_START = '<!-- clock-table:start (generated from packages/shared/src/clocks) -->';
export const CLOCK_TABLE_END = '<!-- clock-table:end -->';

const cell = (value: number | null, unit: string): string => (value === null ? '—' : `${value} ${unit}`);

/** The clock table as markdown, for docs/lifecycle.md (a test keeps the document equal). */
export function renderClockTable(): string {
  const rows = clockRuleKinds.map((kind) => {
    const r = clockRules[kind];
    return `| \`${kind}\` | ${r.label} | ${r.basis} | ${r.startsAt} | ${r.dueOn ? `每年 ${r.dueOn.month} 月 ${r.dueOn.day} 日` : cell(r.workingDays, '个工作日')} | ${r.assignee.who}（\`${r.assignee.role}\`） | ${cell(r.reminderLeadDays, '个工作日前')} | ${r.secondEscalationAfterDays === null ? '—' : `期满后第 ${r.secondEscalationAfterDays} 个工作日结束`} |`;
  });
  return [
    CLOCK_TABLE_START,
    '',
    `| Kind | 名称 | 依据 | 起算 | 期限 | 承办（提醒对象） | 提醒（北京时间 ${REMINDER_TIME_BEIJING}） | 再次上报（机关负责人） |`,
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    CLOCK_TABLE_END,
  ].join('\n');
}

/** The generated block of a document, or undefined when its markers are missing. */
export function clockTableIn(document: string): string | undefined {
  const start = document.indexOf(CLOCK_TABLE_START);
  const end = document.indexOf(CLOCK_TABLE_END);
  if (start < 0 || end < start) return undefined;
  return document.slice(start, end + CLOCK_TABLE_END.length);
}
