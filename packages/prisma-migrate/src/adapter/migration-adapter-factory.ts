import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { openPgAdapter } from './open-pg-adapter';
import { leaseShadowDatabase, type ShadowDatabase } from './shadow-database';
import type { ScriptFailure, WholeScriptAdapter } from './whole-script-adapter';

// The factory the Wasm schema engine connects through. It remembers every adapter it opened so the
// session can close them all (and drop temporary shadow databases) even when the engine does not.
export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName = '@prisma/adapter-pg';
  private readonly opened: WholeScriptAdapter[] = [];
  /** The last migration script PostgreSQL rejected on the main database, for P3018-style reports. */
  lastScriptFailure: ScriptFailure | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly shadow: ShadowDatabase,
  ) {}

  async connect(): Promise<SqlDriverAdapter> {
    const onScriptFailure = (failure: ScriptFailure) => {
      this.lastScriptFailure = failure;
    };
    return this.track(await openPgAdapter(this.databaseUrl, { onScriptFailure }));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const lease = await leaseShadowDatabase(this.databaseUrl, this.shadow);
    try {
      return this.track(await openPgAdapter(lease.url, { afterDispose: lease.release }));
    } catch (error) {
      await lease.release();
      throw error;
    }
  }

  /** Closes every pool still open and drops leftover temporary shadow databases. */
  async close(): Promise<void> {
    const results = await Promise.allSettled(this.opened.map((adapter) => adapter.dispose()));
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
  }

  private track(adapter: WholeScriptAdapter): WholeScriptAdapter {
    this.opened.push(adapter);
    return adapter;
  }
}
