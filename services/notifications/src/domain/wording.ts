import { clockRules, escalationText, type TClockLevel } from '@sanxiang/shared/src/clocks';
import type { TTaskClockKind } from '@sanxiang/shared/src/contracts';
import { formatDate, formatDateTimeLong } from '@sanxiang/shared';

/** What staff read of levels and clock kinds (the kinds' labels come from the one clock table). */
export const levelLabel: Record<TClockLevel, string> = { 0: '到期提醒', 1: '超期督办', 2: '二次督办' };

export const kindLabel = (kind: TTaskClockKind): string => clockRules[kind].label;

/** `还剩 2 个工作日` / `今日到期` / `已超期 3 个工作日`. */
export const daysText = (workingDaysLeft: number): string =>
  workingDaysLeft > 0
    ? `还剩 ${workingDaysLeft} 个工作日`
    : workingDaysLeft === 0
      ? '今日到期'
      : `已超期 ${-workingDaysLeft} 个工作日`;

interface TNoticeSubject {
  kind: TTaskClockKind;
  caseNumber: string | null;
  title: string;
  dueDate: string;
}

const about = (s: TNoticeSubject) => (s.caseNumber ? `${s.caseNumber}（${s.title}）` : s.title);

/** The inbox title and e-mail subject: `【超期督办】法制审核：常人社监察〔2026〕12号（…）已于 2026年12月2日 到期`. */
export function noticeTitle(s: TNoticeSubject, level: TClockLevel): string {
  const when = level === 0 ? `将于 ${formatDate(s.dueDate)} 到期` : `已于 ${formatDate(s.dueDate)} 到期`;
  return `【${levelLabel[level]}】${kindLabel(s.kind)}：${about(s)}${when}`;
}

export interface TEmailText {
  personName: string;
  reason: string;
  dueAt: string;
  workingDaysLeft: number;
  url: string;
}

/** The plain-text body of a notification e-mail, in Chinese, dates in Beijing time. */
export function emailBody(s: TNoticeSubject, level: TClockLevel, t: TEmailText): string {
  return [
    `${t.personName}：`,
    '',
    `${kindLabel(s.kind)}：${about(s)}`,
    `${t.reason}`,
    `截止时间：${formatDateTimeLong(t.dueAt)}（北京时间，${daysText(t.workingDaysLeft)}）`,
    `处理要求：${escalationText[level]}`,
    `办理入口：${t.url}`,
    '',
    '本邮件由三项制度平台自动发送，请勿直接回复。',
  ].join('\n');
}
