import { nextMigrationDirName, normalizeMigrationName } from './migrations-dir';

// Pure naming rules; no database needed.
describe('migration directory names', () => {
  const now = new Date(Date.UTC(2026, 10, 21, 9, 30, 5));

  test('are <UTC yyyyMMddHHmmss>_<lower_snake_name>', () => {
    expect(nextMigrationDirName([], 'Add review deadline!', now)).toBe('20261121093005_add_review_deadline');
  });

  test('always sort after the newest existing migration', () => {
    expect(nextMigrationDirName(['20261121093005_init'], 'next', now)).toBe('20261121093006_next');
    expect(nextMigrationDirName(['20261231235959_future'], 'next', now)).toBe('20270101000000_next');
    expect(nextMigrationDirName(['20261121093004_init', 'notes'], 'next', now)).toBe('20261121093005_next');
  });

  test('reject names without letters or digits', () => {
    expect(() => normalizeMigrationName(' -- ')).toThrow(/has no letters or digits/);
  });
});
