import { createOutboxRelay, type TOutboxMessage, type TOutboxRelay, type TOutboxRelayDeps } from './outbox';
import type { TSqlClient, TSqlDb } from './sql';

declare const handle: unique symbol;

/**
 * The service's database as domain code holds it (issue #9, "domain files reach the database only
 * through data-access"): a handle to pass to the service's `data-access` functions, with no queries
 * of its own. Only `data-access` turns it back into the Prisma client (`databaseHandles`).
 */
export interface TDatabase {
  readonly [handle]: 'database';
}

/** An open transaction as domain code holds it: passed to `data-access` functions, never queried. */
export interface TTransaction {
  readonly [handle]: 'transaction';
}

/** Where a read may run: the database or an open transaction. */
export type TReader = TDatabase | TTransaction;

/**
 * The conversions between a service's Prisma client (`TClient`, its transaction client `TTx`) and
 * the handles above, for that service's `data-access/prisma-client.ts` (domain files may not import
 * it: eslint.config.mjs, `prismaFreeDomains`).
 */
export function databaseHandles<TClient extends TSqlDb<TTx>, TTx extends TSqlClient>() {
  const asTransaction = (tx: TTx): TTransaction => tx as unknown as TTransaction;
  const clientOf = (db: TDatabase): TClient => db as unknown as TClient;
  return {
    asDatabase: (client: TClient): TDatabase => client as unknown as TDatabase,
    asTransaction,
    clientOf,
    /** The client of a handle; a database handle's client runs each statement on its own. */
    prismaOf: (reader: TReader): TTx => reader as unknown as TTx,
    /** The kit's outbox relay over the handle; `onDelivered` gets the delivery's transaction handle. */
    outboxRelay: (deps: THandleOutboxRelayDeps): TOutboxRelay =>
      createOutboxRelay<TTx>({
        ...deps,
        db: clientOf(deps.db),
        onDelivered:
          deps.onDelivered && ((tx, m, result, at) => deps.onDelivered!(asTransaction(tx), m, result, at)),
      }),
  };
}

/** `createOutboxRelay`'s dependencies with the database as a handle. */
export interface THandleOutboxRelayDeps extends Omit<TOutboxRelayDeps<TSqlClient>, 'db' | 'onDelivered'> {
  db: TDatabase;
  onDelivered?: (tx: TTransaction, message: TOutboxMessage, result: unknown, at: Date) => Promise<void>;
}
