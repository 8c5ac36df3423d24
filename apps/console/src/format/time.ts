// The one formatter of dates people read (packages/shared/src/format/beijing-time.ts): Beijing time.
export { formatDate, formatDateShort, formatDateTime, formatDateTimeLong } from '@sanxiang/shared/src/format';

/** A date or time that may be missing: `—` when it is. */
export const orDash =
  (format: (value: string) => string) =>
  (value: string | null | undefined): string =>
    value ? format(value) : '—';
