import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { dropTestDatabases, testDatabase, testServerUrl } from './support/test-postgres';
import { runCli } from '../src/cli/run-cli';
import { SERVICES, databaseUrlVariable } from '../src/cli/service-targets';

const FIXTURE_SCHEMA = path.join(__dirname, '../fixtures/schema.prisma');
const CLI = path.join(__dirname, '../src/cli.ts');

describe('npm run -s db -- <command>', () => {
  let servicesRoot: string;
  let databaseUrl: string;

  function cli(argv: string[], env: NodeJS.ProcessEnv = { DATABASE_URL: databaseUrl }) {
    const out: string[] = [];
    const err: string[] = [];
    return runCli(argv, {
      env,
      servicesRoot,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
  }

  beforeAll(async () => {
    testServerUrl();
    servicesRoot = mkdtempSync(path.join(os.tmpdir(), 'prisma-migrate-cli-'));
    for (const service of SERVICES) {
      mkdirSync(path.join(servicesRoot, service, 'prisma'), { recursive: true });
      cpSync(FIXTURE_SCHEMA, path.join(servicesRoot, service, 'prisma', 'schema.prisma'));
    }
    databaseUrl = (await testDatabase()).url;
  });

  afterAll(async () => {
    if (servicesRoot) rmSync(servicesRoot, { recursive: true, force: true });
    await dropTestDatabases();
  });

  test('maps legal-review to DATABASE_URL_LEGAL_REVIEW', () => {
    expect(databaseUrlVariable('legal-review')).toBe('DATABASE_URL_LEGAL_REVIEW');
  });

  test('drift exits 1 and prints the difference; after create it exits 0 with "no drift"; deploy applies', async () => {
    const drift = await cli(['drift', 'disclosure']);
    expect(drift.code).toBe(1);
    expect(drift.out).toContain('[disclosure] DRIFT');
    expect(drift.out).toMatch(/Added tables[\s\S]*- Case/);

    const create = await cli(['create', 'disclosure', 'init']);
    expect(create).toMatchObject({ code: 0, err: '' });
    expect(create.out).toMatch(/\[disclosure\] Created .*_init\/migration\.sql/);

    expect(await cli(['drift', 'disclosure'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('[disclosure] no drift'),
    });

    const deploy = await cli(['deploy', 'disclosure']);
    expect(deploy.code).toBe(0);
    expect(deploy.out).toMatch(/\[disclosure\] Applied \d{14}_init/);
  });

  test('deploy-all wants one URL per service and names the missing variables', async () => {
    const result = await cli(['deploy-all']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('set DATABASE_URL_RECORDING');
    expect(result.out).toContain('deploy-all: failed in disclosure, recording, legal-review, directory');
  });

  test('usage errors exit 2', async () => {
    expect(await cli(['deploy', 'billing'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('Unknown service "billing"'),
    });
    expect(await cli(['reset', 'disclosure'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--force'),
    });
  });

  test('as a process: a database that is down gives one readable line and exit 1, no stack', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));

    const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'drift', 'recording'], {
      cwd: path.join(__dirname, '../../..'),
      env: {
        ...process.env,
        DATABASE_URL: undefined,
        DATABASE_URL_RECORDING: `postgresql://u@127.0.0.1:${port}/db`,
      },
      encoding: 'utf8',
    });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `[recording] error: Cannot reach PostgreSQL at 127.0.0.1:${port} (ECONNREFUSED)`,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
