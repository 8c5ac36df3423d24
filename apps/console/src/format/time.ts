// The one formatter of dates people read (packages/shared/src/format/beijing-time.ts): Beijing time.
export { formatDate, formatDateShort, formatDateTime, formatDateTimeLong } from '@sanxiang/shared/src/format';
