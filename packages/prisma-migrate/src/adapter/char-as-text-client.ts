import pg from 'pg';

// Patch 1. The schema engine reads pg_constraint and friends, whose flag columns have PostgreSQL's
// one-byte type "char" (OID 18). @prisma/adapter-pg rejects that OID ("Column type 'char' could not
// be deserialized"), although pg already hands the value over as a one-character string. Relabel
// such columns as text after pg has parsed the rows, so the adapter maps them to Text.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type QueryCallback = (error: Error | null, result: unknown) => void;

function relabelCharColumns(result: unknown): void {
  // A simple-protocol query with several statements yields one result per statement.
  const results: unknown[] = Array.isArray(result) ? result : [result];
  for (const one of results) {
    const fields = (one as { fields?: unknown } | null | undefined)?.fields;
    if (!Array.isArray(fields)) continue;
    for (const field of fields as Array<{ dataTypeID?: number }>) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
  }
}

function isPromiseLike(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** pg.Client whose query results never carry "char" columns; pass it to pg.Pool as `Client`. */
export class CharAsTextClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // pg.Client.query has a dozen overloads; wrap the implementation instead of redeclaring them.
    const query = super.query.bind(this) as (...args: unknown[]) => unknown;
    const patched = (...args: unknown[]): unknown => {
      const callbackIndex = args.findIndex((arg) => typeof arg === 'function');
      if (callbackIndex >= 0) {
        // Callback style, used by pg.Pool#query.
        const callback = args[callbackIndex] as QueryCallback;
        args[callbackIndex] = (error: Error | null, result: unknown) => {
          if (!error) relabelCharColumns(result);
          callback(error, result);
        };
        return query(...args);
      }
      const result = query(...args);
      // Promise style, used by the adapter inside transactions. Submittables are left alone.
      if (isPromiseLike(result)) {
        return result.then((value) => {
          relabelCharColumns(value);
          return value;
        });
      }
      return result;
    };
    this.query = patched as pg.Client['query'];
  }
}
