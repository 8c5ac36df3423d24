import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as Glue from '@prisma/schema-engine-wasm/schema_engine_bg';

export type SchemaEngineRuntime = typeof Glue;

// The package entry imports the .wasm file as an ES module, which Node only does behind
// --experimental-wasm-modules. Load the wasm-bindgen glue instead and instantiate the module
// ourselves. The glue is ESM, hence the dynamic import(): this file runs in the engine worker
// (plain Node + tsx), never inside jest's module sandbox, which cannot load ESM.
let loaded: Promise<SchemaEngineRuntime> | undefined;

/** Set when the engine panics; the panic surfaces as an opaque "unreachable" error otherwise. */
let lastPanicMessage: string | undefined;

export function takePanicMessage(): string | undefined {
  const message = lastPanicMessage;
  lastPanicMessage = undefined;
  return message;
}

// The project's lib setting (ES2023, no DOM) has no WebAssembly typings; this is the part we use.
interface WasmApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, Record<string, unknown>>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

function unrefTimer<T>(timer: T): T {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

async function instantiate(): Promise<SchemaEngineRuntime> {
  const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as SchemaEngineRuntime;
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));

  // Patch 4. The engine arms 10-second timers (connection pool housekeeping) through the glue's
  // setTimeout import; unref them so a finished command exits at once instead of 10 s later.
  const imports: Record<string, unknown> = { ...glue };
  const timerImports = Object.keys(glue).filter((name) => name.startsWith('__wbg_setTimeout_'));
  if (timerImports.length === 0) {
    throw new Error('@prisma/schema-engine-wasm: setTimeout import not found; re-check patch 4');
  }
  for (const name of timerImports) {
    const original = imports[name] as (...args: unknown[]) => unknown;
    imports[name] = (...args: unknown[]) => unrefTimer(original(...args));
  }

  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message: string) {
      lastPanicMessage = message;
    },
  };

  const { instance } = await wasmApi.instantiate(bytes, { './schema_engine_bg.js': imports });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return glue;
}

export function loadSchemaEngine(): Promise<SchemaEngineRuntime> {
  loaded ??= instantiate();
  return loaded;
}
