import net from 'node:net';
import { checkDrift, createMigration, deployMigrations } from '../src/index';
import { withDatabaseName } from '../src/database-url';
import { tempProject, type TempProject } from './support/temp-project';
import { dropTestDatabases, testDatabase, testServerUrl } from './support/test-postgres';

// Expected failures come back as PrismaMigrateError with a message that names what went wrong.
describe('readable failures', () => {
  let project: TempProject;

  beforeAll(() => {
    testServerUrl(); // fail, not skip, without a test database
    project = tempProject();
  });

  afterAll(async () => {
    project?.remove();
    await dropTestDatabases();
  });

  /** A local port nothing listens on. */
  async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }

  test('a database that is down is reported with its host:port', async () => {
    const port = await closedPort();
    const databaseUrl = `postgresql://app:secret@127.0.0.1:${port}/app`;
    const failure = deployMigrations({
      schemaPath: project.schemaPath,
      migrationsDir: project.migrationsDir,
      databaseUrl,
    });

    await expect(failure).rejects.toMatchObject({
      code: 'DATABASE_UNREACHABLE',
      message: expect.stringContaining(`Cannot reach PostgreSQL at 127.0.0.1:${port} (ECONNREFUSED)`),
    });
    await expect(failure).rejects.toThrow(/app:\*\*\*@/); // password masked
  });

  test('a malformed URL is rejected before anything runs', async () => {
    await expect(
      checkDrift({
        schemaPath: project.schemaPath,
        migrationsDir: project.migrationsDir,
        databaseUrl: 'mysql://x@h/db',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_URL', message: expect.stringContaining('postgresql://') });
  });

  test('a missing schema and a bad migration name are reported as such', async () => {
    const databaseUrl = withDatabaseName(testServerUrl(), 'unused');
    await expect(
      deployMigrations({
        schemaPath: '/nonexistent/schema.prisma',
        migrationsDir: project.migrationsDir,
        databaseUrl,
      }),
    ).rejects.toMatchObject({ code: 'SCHEMA_NOT_FOUND' });
    await expect(
      createMigration({
        schemaPath: project.schemaPath,
        migrationsDir: project.migrationsDir,
        databaseUrl,
        name: '--',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  test('an invalid schema reports the engine validation error', async () => {
    const db = await testDatabase();
    project.editSchema((schema) => schema.replace('title     String', 'title     Strin'));
    await expect(
      checkDrift({
        schemaPath: project.schemaPath,
        migrationsDir: project.migrationsDir,
        databaseUrl: db.url,
      }),
    ).rejects.toMatchObject({ code: 'SCHEMA_INVALID', message: expect.stringContaining('P1012') });
  });
});
