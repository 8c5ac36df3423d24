/**
 * What the service kit needs of a database client: raw SQL with `$1…` parameters and interactive
 * transactions. Every service's Prisma client (and its transaction client) has this shape, so the
 * kit's code is shared while each service keeps its tables in its own database.
 */
export interface TSqlClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
}

export interface TTransactionOptions {
  maxWait?: number;
  timeout?: number;
}

/** A client that can open a transaction whose client is `TTx` (the service's own Prisma types). */
export interface TSqlDb<TTx extends TSqlClient = TSqlClient> extends TSqlClient {
  $transaction<R>(fn: (tx: TTx) => Promise<R>, options?: TTransactionOptions): Promise<R>;
}

/** jsonb parameters are sent as text and cast in SQL (`$n::jsonb`), the same through every driver. */
export const jsonParam = (value: unknown): string => JSON.stringify(value ?? null);
