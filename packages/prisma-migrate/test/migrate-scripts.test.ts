import { deployMigrations, markMigrationRolledBack, PrismaMigrateError } from '../src/index';
import { EMPTY_SCHEMA, tempProject, type TempProject } from './support/temp-project';
import { dropTestDatabases, testDatabase, type TestDatabase } from './support/test-postgres';

// Hand-written migrations: each script is sent to PostgreSQL as one query (patch 3), so function
// bodies survive and a failing script leaves nothing behind but the P3009 block.
describe('migration scripts on a real PostgreSQL', () => {
  let project: TempProject;
  let db: TestDatabase;
  const options = () => ({
    schemaPath: project.schemaPath,
    migrationsDir: project.migrationsDir,
    databaseUrl: db.url,
  });

  beforeAll(async () => {
    project = tempProject(EMPTY_SCHEMA);
    db = await testDatabase();
  });

  afterAll(async () => {
    project?.remove();
    await dropTestDatabases();
  });

  test('a migration with a dollar-quoted function body applies whole', async () => {
    project.writeMigration(
      '20260101000000_counter_trigger',
      `CREATE TABLE counter (n integer NOT NULL);

CREATE FUNCTION bump_counter() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.n := NEW.n + 1;   -- semicolons inside the body
  RETURN NEW;
END;
$$;

CREATE TRIGGER counter_bump BEFORE INSERT ON counter FOR EACH ROW EXECUTE FUNCTION bump_counter();
`,
    );

    expect(await deployMigrations(options())).toEqual(['20260101000000_counter_trigger']);
    expect(await db.query('INSERT INTO counter VALUES (41) RETURNING n')).toEqual([{ n: 42 }]);
  });

  test('a failing migration applies nothing, is reported with its name, and blocks the next deploy (P3009)', async () => {
    const failing = '20260102000000_half_done';
    project.writeMigration(
      failing,
      'CREATE TABLE half_done (id integer);\nALTER TABLE missing_table ADD COLUMN x integer;\n',
    );

    const failure = await deployMigrations(options()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PrismaMigrateError);
    expect(failure).toMatchObject({ code: 'MIGRATION_FAILED', prismaCode: 'P3018' });
    expect((failure as Error).message).toContain(`Migration \`${failing}\` failed to apply`);
    expect((failure as Error).message).toContain('42P01: relation "missing_table" does not exist');
    // The statement before the failing one was rolled back with it: the script ran as one transaction.
    expect(await db.query("SELECT 1 FROM pg_tables WHERE tablename = 'half_done'")).toEqual([]);
    expect(
      await db.query('SELECT finished_at, rolled_back_at FROM _prisma_migrations WHERE migration_name = $1', [
        failing,
      ]),
    ).toEqual([{ finished_at: null, rolled_back_at: null }]);

    const blocked = await deployMigrations(options()).catch((error: unknown) => error);
    expect(blocked).toMatchObject({ code: 'MIGRATIONS_BLOCKED', prismaCode: 'P3009' });
    expect((blocked as Error).message).toContain('migrate found failed migrations in the target database');
    expect((blocked as Error).message).toContain(`The \`${failing}\` migration started at`);
    expect((blocked as Error).stack ?? '').not.toContain('wasm-function');
  });

  test('after marking it rolled back and fixing it, deploy proceeds', async () => {
    const failing = '20260102000000_half_done';
    await markMigrationRolledBack({ ...options(), migrationName: failing });
    project.writeMigration(failing, 'CREATE TABLE half_done (id integer);\n');

    expect(await deployMigrations(options())).toEqual([failing]);
    expect(
      await db.query(
        'SELECT finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations WHERE migration_name = $1 ORDER BY started_at',
        [failing],
      ),
    ).toEqual([
      { finished: false, rolled_back: true },
      { finished: true, rolled_back: false },
    ]);
  });
});
