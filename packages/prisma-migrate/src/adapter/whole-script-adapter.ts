import {
  DriverAdapterError,
  isDriverAdapterError,
  type ConnectionInfo,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from '@prisma/driver-adapter-utils';

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
      throw withPostgresDetail(error);
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

// The adapter turns e.g. 42P01 into "No such table: x" and drops PostgreSQL's own text. For a
// migration script the engine should report what the native engine does: SQLSTATE and message.
function withPostgresDetail(error: unknown): unknown {
  if (!isDriverAdapterError(error)) return error;
  const { cause } = error;
  if (cause.kind === 'postgres' || cause.originalCode === undefined) return error;
  return new DriverAdapterError({
    kind: 'postgres',
    code: cause.originalCode,
    severity: 'ERROR',
    message: cause.originalMessage ?? error.message,
    detail: undefined,
    column: undefined,
    hint: undefined,
  });
}
