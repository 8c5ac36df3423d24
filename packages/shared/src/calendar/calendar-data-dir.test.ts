import path from 'node:path';
import { REPO_ROOT, resolveCalendarDataDir } from './calendar-data-dir';

describe('resolveCalendarDataDir', () => {
  it('finds the repo root from the source tree', () => {
    expect(path.join(REPO_ROOT, 'packages', 'shared', 'src', 'calendar')).toBe(__dirname);
  });

  it.each([
    [undefined, path.join(REPO_ROOT, '.local', 'data', 'calendar')],
    ['', path.join(REPO_ROOT, '.local', 'data', 'calendar')],
    ['var/calendar', path.join(REPO_ROOT, 'var', 'calendar')],
    ['/srv/sanxiang/calendar', '/srv/sanxiang/calendar'],
  ])('CALENDAR_DATA_DIR=%p → %s', (value, expected) => {
    expect(resolveCalendarDataDir({ CALENDAR_DATA_DIR: value })).toBe(expected);
  });
});
