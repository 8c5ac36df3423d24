import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deployMigrations, markMigrationRolledBack, checkDrift } from '../src';

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pm-fail-'));
  writeFileSync(path.join(dir, 'schema.prisma'), 'datasource db {\n  provider = "postgresql"\n}\n');
  const m = path.join(dir, 'migrations');
  mkdirSync(path.join(m, '20260101000000_fn'), { recursive: true });
  writeFileSync(path.join(m, 'migration_lock.toml'), 'provider = "postgresql"\n');
  writeFileSync(path.join(m, '20260101000000_fn/migration.sql'), `CREATE TABLE t (x int);\nCREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  NEW.x := NEW.x + 1;\n  RETURN NEW;\nEND;\n$$;\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();\n`);
  mkdirSync(path.join(m, '20260102000000_bad'));
  writeFileSync(path.join(m, '20260102000000_bad/migration.sql'), `CREATE TABLE half (x int);\nALTER TABLE missing ADD COLUMN y int;\n`);
  const common = { schemaPath: path.join(dir, 'schema.prisma'), migrationsDir: m, databaseUrl: 'postgresql://postgres@127.0.0.1:55497/pm_fail', onProgress: (s: string) => console.log('  >', s) };
  for (let i = 0; i < 2; i++) {
    try { console.log(await deployMigrations(common)); } catch (e: any) { console.log('ERR', e.code, e.prismaCode, '\n' + e.message); }
  }
  try { console.log(await checkDrift(common)); } catch (e: any) { console.log('ERR', e.code, e.prismaCode, '\n' + e.message); }
  await markMigrationRolledBack({ ...common, migrationName: '20260102000000_bad' });
  writeFileSync(path.join(m, '20260102000000_bad/migration.sql'), `CREATE TABLE half (x int);\n`);
  console.log(await deployMigrations(common));
}
main().catch((e) => { console.error('FAIL', e); process.exitCode = 1; });
