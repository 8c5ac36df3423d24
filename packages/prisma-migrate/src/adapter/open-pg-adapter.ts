import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { schemaParamOf } from '../database-url';
import { CharAsTextClient } from './char-as-text-client';
import { WholeScriptAdapter, type ScriptFailure } from './whole-script-adapter';

// One pool per database, with the "char" and whole-script patches applied. allowExitOnIdle is part
// of patch 4: an idle pool must not keep the process alive.
export async function openPgAdapter(
  connectionString: string,
  hooks: { afterDispose?: () => Promise<void>; onScriptFailure?: (failure: ScriptFailure) => void } = {},
): Promise<WholeScriptAdapter> {
  const pool = new pg.Pool({
    connectionString,
    Client: CharAsTextClient,
    allowExitOnIdle: true,
    max: 4,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const schema = schemaParamOf(connectionString);
  const factory = new PrismaPg(pool, { disposeExternalPool: true, ...(schema ? { schema } : {}) });
  return new WholeScriptAdapter(await factory.connect(), hooks.afterDispose, hooks.onScriptFailure);
}
