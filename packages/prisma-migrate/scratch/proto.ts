import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

async function main() {
  const runtime: any = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  console.log('keys', Object.keys(runtime).length, typeof runtime.SchemaEngine, typeof runtime.default);
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = readFileSync(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
  const t0 = Date.now();
  const imports = {
    './schema_engine_bg.js': {
      ...runtime,
      __wbg_setTimeout_5d6a1d4fc51ea450: (a: any, b: number) => {
        const t = setTimeout(a, b >>> 0);
        t.unref();
        return t;
      },
    },
  };
  const { instance } = await WebAssembly.instantiate(bytes, imports);
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports as any).__wbindgen_start();
  (globalThis as any).PRISMA_WASM_PANIC_REGISTRY = {
    set_message(m: string) {
      console.error('PANIC', m);
    },
  };
  console.log('instantiated in', Date.now() - t0, 'ms', runtime.version());
  const url = 'postgresql://postgres@127.0.0.1:55497/postgres';
  const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPg(url));
  const schema = `datasource db {\n  provider = "postgresql"\n}\n\nmodel A {\n  id Int @id\n  name String\n}\n`;
  const engine = await runtime.SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    (log: string) => console.log('LOG', log),
    factory,
  );
  console.log('engine', await engine.version());
  const r = await engine.diff({
    from: { tag: 'empty' },
    to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
    script: true,
    exitCode: true,
    filters: { externalTables: [], externalEnums: [] },
  });
  console.log(r);
  try {
    await engine.diff({
      from: { tag: 'url', url: 'postgresql://x@127.0.0.1:1/db' },
      to: { tag: 'empty' },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
  } catch (e: any) {
    console.log('ERR', e, Object.keys(e), e.constructor?.name, e.code, e.meta);
  }
}
main().catch((e) => {
  console.error('FAIL', e);
  process.exitCode = 1;
});
