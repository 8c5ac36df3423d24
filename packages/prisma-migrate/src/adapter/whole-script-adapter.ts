import {
  isDriverAdapterError,
  type ConnectionInfo,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from '@prisma/driver-adapter-utils';

/** PostgreSQL's own error for a failed script; the engine reduces it to e.g. "No such table: x". */
export interface ScriptFailure {
  code: string | undefined;
  message: string;
}

// Patch 3. @prisma/adapter-pg's executeScript splits the script on every ";" and runs the pieces one
// by one: a dollar-quoted function body is cut in half, and a failing migration leaves its first
// statements applied. The native engine sends the whole script as one simple-protocol query, which
// PostgreSQL runs as a single implicit transaction. Do the same: executeRaw without parameters goes
// through pg's simple protocol (several statements allowed) and keeps the adapter's error mapping.
//
// The wrapper also runs an extra clean-up step after dispose (used to drop a temporary shadow
// database once its pool is closed) and makes dispose idempotent, since both the engine and our
// session may close the same adapter.
export class WholeScriptAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter['provider'];
  readonly adapterName: string;
  private disposed: Promise<void> | undefined;

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly afterDispose: () => Promise<void> = async () => {},
    private readonly onScriptFailure: (failure: ScriptFailure) => void = () => {},
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.inner.queryRaw(query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inner.executeRaw(query);
  }

  async executeScript(script: string): Promise<void> {
    try {
      await this.inner.executeRaw({ sql: script, args: [], argTypes: [] });
    } catch (error) {
      this.onScriptFailure(describeScriptFailure(error));
      throw error;
    }
  }

  startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return this.inner.startTransaction(isolationLevel);
  }

  getConnectionInfo(): ConnectionInfo {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: true };
  }

  dispose(): Promise<void> {
    this.disposed ??= this.inner.dispose().then(this.afterDispose);
    return this.disposed;
  }
}

function describeScriptFailure(error: unknown): ScriptFailure {
  if (isDriverAdapterError(error)) {
    const { cause } = error;
    if (cause.kind === 'postgres') return { code: cause.code, message: cause.message };
    return { code: cause.originalCode, message: cause.originalMessage ?? error.message };
  }
  return { code: undefined, message: error instanceof Error ? error.message : String(error) };
}
