import { z } from 'zod';
import { MS_PER_DAY, fromEpochDay, toEpochDay } from './iso-date';

/** Asia/Shanghai is UTC+8 all year (China has had no DST since 1991), so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

// An instant must carry `Z` or an offset: a bare local time would be read in the server's TZ.
const ZInstantString = z.iso.datetime({ offset: true });

const toInstant = (instant: Date | string): Date => {
  if (typeof instant === 'string' && !ZInstantString.safeParse(instant).success) {
    throw new RangeError(`Not an ISO instant with Z or an offset: ${JSON.stringify(instant)}`);
  }
  const value = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(value.getTime())) throw new RangeError('Invalid Date');
  return value;
};

/** The Asia/Shanghai calendar date (`YYYY-MM-DD`) on which an instant falls. */
export const dateInShanghai = (instant: Date | string): string => {
  const shifted = toInstant(instant).getTime() + SHANGHAI_OFFSET_MS;
  return fromEpochDay(Math.floor(shifted / MS_PER_DAY));
};

/**
 * The instant at which a Shanghai calendar day begins (its 00:00 +08:00), as an ISO UTC string:
 * '2026-01-01' → '2025-12-31T16:00:00.000Z'.
 */
export const startOfDayInstant = (date: string): string =>
  new Date(toEpochDay(date) * MS_PER_DAY - SHANGHAI_OFFSET_MS).toISOString();

/**
 * The instant at which a Shanghai calendar day ends (= the next day's 00:00 +08:00), as an ISO UTC
 * string: '2026-10-09' → '2026-10-09T16:00:00.000Z'. A deadline is met by anything strictly before.
 */
export const endOfDayInstant = (date: string): string =>
  new Date((toEpochDay(date) + 1) * MS_PER_DAY - SHANGHAI_OFFSET_MS).toISOString();
