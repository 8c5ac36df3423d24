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
  return {
    asDatabase: (client: TClient): TDatabase => client as unknown as TDatabase,
    asTransaction: (tx: TTx): TTransaction => tx as unknown as TTransaction,
    clientOf: (db: TDatabase): TClient => db as unknown as TClient,
    /** The client of a handle; a database handle's client runs each statement on its own. */
    prismaOf: (reader: TReader): TTx => reader as unknown as TTx,
  };
}
