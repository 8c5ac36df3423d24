import { fromEpochDay, isIsoDate, parseIsoDate, weekdayLabel } from './iso-date';

describe('iso-date', () => {
  it.each(['2025-01-01', '2024-02-29', '2000-02-29', '0099-12-31', '9999-12-31'])('%s is a date', (date) => {
    expect(isIsoDate(date)).toBe(true);
    expect(fromEpochDay(parseIsoDate(date) ?? Number.NaN)).toBe(date);
  });

  it.each([
    '2025-02-29',
    '1900-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-1-1',
    ' 2025-01-01',
    20250101,
  ])('%p is not a date', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it.each([
    ['1970-01-01', '周四'],
    ['2025-09-28', '周日'],
    ['2026-02-14', '周六'],
    ['1969-12-31', '周三'],
  ])('%s is a %s', (date, label) => {
    expect(weekdayLabel(parseIsoDate(date) ?? Number.NaN)).toBe(label);
  });
});
