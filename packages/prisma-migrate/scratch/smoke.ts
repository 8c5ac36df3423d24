import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkDrift, createMigration, deployMigrations } from '../src';

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pm-smoke-'));
  cpSync(path.join(__dirname, '../fixtures/schema.prisma'), path.join(dir, 'schema.prisma'));
  const common = {
    schemaPath: path.join(dir, 'schema.prisma'),
    migrationsDir: path.join(dir, 'migrations'),
    databaseUrl: 'postgresql://postgres@127.0.0.1:55497/pm_smoke',
    onProgress: (m: string) => console.log('  >', m),
  };
  let t = Date.now();
  const created = await createMigration({ ...common, name: 'init' });
  console.log('created', created, Date.now() - t);
  t = Date.now();
  if (created) console.log(readFileSync(path.join(created, 'migration.sql'), 'utf8'));
  console.log('deploy', await deployMigrations(common), Date.now() - t);
  t = Date.now();
  console.log('deploy again', await deployMigrations(common), Date.now() - t);
  t = Date.now();
  console.log('drift', await checkDrift(common), Date.now() - t);
  t = Date.now();
}
main().catch((e) => {
  console.error('FAIL', e);
  process.exitCode = 1;
});
