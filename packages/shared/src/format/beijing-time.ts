/**
 * The one formatter of dates and times that people read (public pages, staff messages, exports,
 * reports, e-mails, CLI output). Every text shows Beijing time (Asia/Shanghai, UTC+8 all year);
 * APIs keep ISO 8601 instants and never go through this module.
 *
 *   formatDate('2026-12-01T16:30:00Z')      → '2026年12月2日'
 *   formatDateShort('2026-12-01T16:30:00Z') → '2026-12-02'
 *   formatDateTime('2026-12-01T16:30:00Z')  → '2026-12-02 00:30'
 *   formatDate('2026-12-02')                → '2026年12月2日'   (a calendar date stays that date)
 */
import { dateInShanghai } from '../calendar/shanghai-time';

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (`YYYY-MM-DD`) is taken as is; an instant is placed on Beijing's calendar. */
const beijingDay = (value: Date | string): string =>
  typeof value === 'string' && CALENDAR_DATE.test(value) ? value : dateInShanghai(value);

/** `2026年12月2日` — the form of dates in documents, pages and e-mails. */
export const formatDate = (value: Date | string): string => {
  const [, y, m, d] = CALENDAR_DATE.exec(beijingDay(value))!;
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/** `2026-12-02` — the compact form for tables and lists. */
export const formatDateShort = (value: Date | string): string => beijingDay(value);

/** `2026-12-02 10:00` — an instant to the minute, Beijing time. */
export const formatDateTime = (value: Date | string): string => {
  const instant = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Invalid instant: ${String(value)}`);
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
};

/** `2026年12月2日 10:00` — an instant in a sentence. */
export const formatDateTimeLong = (value: Date | string): string =>
  `${formatDate(value)} ${formatDateTime(value).slice(11)}`;
