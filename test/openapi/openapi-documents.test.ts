import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { serviceDocument, serviceNames, type TOpenApiDocument } from './service-documents';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const realCaseNumber = '常人社监察〔2026〕12号';
const quiet = {
  cwd: root,
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
};

/** Every `pattern` in the document, with the name of the property or parameter that carries it. */
function patternsOf(node: unknown, name = '', found: { name: string; pattern: string }[] = []) {
  if (Array.isArray(node)) node.forEach((n) => patternsOf(n, name, found));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.pattern === 'string') found.push({ name, pattern: o.pattern });
    if (typeof o.name === 'string' && o.schema) patternsOf(o.schema, o.name, found);
    for (const [key, value] of Object.entries(o)) {
      if (key === 'properties' && value && typeof value === 'object') {
        for (const [prop, schema] of Object.entries(value)) patternsOf(schema, prop, found);
      } else if (key !== 'schema' || typeof o.name !== 'string') patternsOf(value, name, found);
    }
  }
  return found;
}

const operationsOf = (doc: TOpenApiDocument) =>
  Object.entries(doc.paths).flatMap(([p, item]) =>
    Object.entries(item).map(([method, op]) => ({ where: `${method.toUpperCase()} ${p}`, op })),
  );

describe.each(serviceNames)('the OpenAPI document of %s', (service) => {
  let doc: TOpenApiDocument;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), `openapi-${service}-`));
    doc = await serviceDocument(service);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('has plain ECMAScript patterns that accept a real case number', () => {
    const patterns = patternsOf(doc);
    expect(patterns.length).toBeGreaterThan(0);
    if (service === 'recording' || service === 'legal-review')
      expect(patterns.filter((p) => p.name === 'caseNumber').length).toBeGreaterThan(0);
    for (const { name, pattern } of patterns) {
      expect({ name, pattern, endsWithFlags: /\/[a-z]+$/u.test(pattern) }).toEqual({
        name,
        pattern,
        endsWithFlags: false,
      });
      const re = new RegExp(pattern, 'u');
      if (name === 'caseNumber')
        expect({ name, pattern, matches: re.test(realCaseNumber) }).toMatchObject({ matches: true });
    }
  });

  it('names every operation and documents its error answers as problem+json', () => {
    for (const { where, op } of operationsOf(doc)) {
      expect({ where, operationId: typeof op.operationId }).toEqual({ where, operationId: 'string' });
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400) {
          expect({ where, status, types: Object.keys(response.content ?? {}) }).toEqual({
            where,
            status,
            types: ['application/problem+json'],
          });
        }
      }
      if (op.parameters?.length)
        expect({ where, has400: '400' in op.responses }).toEqual({ where, has400: true });
    }
  });

  it('generates a typed client that compiles (openapi-typescript)', async () => {
    const source = path.join(dir, `${service}.json`);
    const client = path.join(dir, `${service}.ts`);
    await writeFile(source, JSON.stringify(doc));
    // The CLI, because the library's CommonJS build loads ESM-only dependencies jest cannot require.
    await run(path.join(root, 'node_modules/.bin/openapi-typescript'), [source, '--output', client], quiet);
    const types = await readFile(client, 'utf8');
    const usage = path.join(dir, `${service}-usage.ts`);
    await writeFile(
      usage,
      `import type { paths, components } from './${service}';\n` +
        `export type TPaths = keyof paths;\n` +
        `export const problem: components['schemas']['Problem'] = { type: 'x', title: 't', status: 400, code: 'validation' };\n`,
    );
    const program = ts.createProgram([usage], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      types: [],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    for (const p of Object.keys(doc.paths)) expect(types).toContain(`"${p}": {`);
  });

  it('passes the OpenAPI linter (Redocly CLI)', async () => {
    const file = path.join(dir, `${service}.json`);
    await writeFile(file, JSON.stringify(doc));
    const result = await run(
      path.join(root, 'node_modules/.bin/redocly'),
      ['lint', '--config', path.join(root, 'redocly.yaml'), '--format', 'stylish', file],
      quiet,
    ).catch((err: { stdout: string; stderr: string }) => ({
      stdout: err.stdout,
      stderr: err.stderr,
      failed: true,
    }));
    expect({ failed: 'failed' in result, out: 'failed' in result ? result.stdout : '' }).toEqual({
      failed: false,
      out: '',
    });
  });
});

describe('the evidence upload', () => {
  it('documents the raw request body of PUT …/content with the accepted media types', async () => {
    const doc = await serviceDocument('recording');
    const body = doc.paths['/evidence-uploads/{uploadId}/content']!.put!.requestBody!;
    expect(Object.keys(body.content)).toEqual(
      expect.arrayContaining(['video/mp4', 'image/jpeg', 'application/pdf']),
    );
    expect(body.content['video/mp4']).toEqual({ schema: { type: 'string', format: 'binary' } });
  });
});
