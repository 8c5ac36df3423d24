import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaContainer, SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm';
import { MigrationAdapterFactory } from '../adapter/migration-adapter-factory';
import type { ShadowDatabase } from '../adapter/shadow-database';
import type { ScriptFailure } from '../adapter/whole-script-adapter';
import { PrismaMigrateError } from '../errors';
import { toMigrateError } from './engine-errors';
import { loadSchemaEngine } from './load-schema-engine';

/** No externally managed tables or enums: the services own their whole schema. */
export const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

export interface EngineSession {
  engine: SchemaEngine;
  schemaFiles: SchemaContainer[];
  /** PostgreSQL's error for the last migration script that failed on the main database. */
  lastScriptFailure(): ScriptFailure | undefined;
}

export interface EngineSessionOptions {
  schemaPath: string;
  databaseUrl: string;
  shadow?: ShadowDatabase;
}

/** Paths inside the working directory are shown relative, as the stock CLI does. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

export async function readSchemaFiles(schemaPath: string): Promise<SchemaContainer[]> {
  try {
    return [{ path: displayPath(schemaPath), content: await readFile(schemaPath, 'utf8') }];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PrismaMigrateError('SCHEMA_NOT_FOUND', `Prisma schema not found: ${displayPath(schemaPath)}`);
    }
    throw error;
  }
}

function engineLog(line: string): void {
  if (process.env.SANXIANG_PRISMA_MIGRATE_DEBUG) process.stderr.write(`[schema-engine] ${line}\n`);
}

// One engine instance for one command: load the schema, connect through our patched adapter
// factory, run, then close every pool and drop temporary shadow databases whatever happened.
export async function withEngineSession<T>(
  options: EngineSessionOptions,
  run: (session: EngineSession) => Promise<T>,
): Promise<T> {
  const schemaFiles = await readSchemaFiles(options.schemaPath);
  const runtime = await loadSchemaEngine();
  const factory = new MigrationAdapterFactory(options.databaseUrl, options.shadow ?? 'temporary');
  let engine: SchemaEngine | undefined;
  let result: T;
  try {
    engine = await runtime.SchemaEngine.new(
      { datamodels: schemaFiles.map((file): [string, string] => [file.path, file.content]) },
      engineLog,
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    result = await run({ engine, schemaFiles, lastScriptFailure: () => factory.lastScriptFailure });
  } catch (error) {
    engine?.free();
    // Report the command's failure, not a clean-up problem it may have caused.
    await factory.close().catch(() => {});
    throw toMigrateError(error);
  }
  engine.free();
  await factory.close();
  return result;
}
