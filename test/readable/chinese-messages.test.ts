import path from 'node:path';
import { fieldLabel, fieldLabelOf } from '@sanxiang/shared/src/domain';
import { serviceDocument, serviceNames } from '../openapi/service-documents';
import { scanFieldPaths, scanMessages } from './message-scan';

const repo = path.resolve(__dirname, '../..');

/**
 * Latin words a Chinese message may carry: names of standards, headers and formats people type
 * (`Content-Type`, `Authorization: Bearer …`), comments' English, and log lines.
 */
const allowed = [
  /Bearer\s+<?token>?/gu,
  /http\(s\)/gu,
  /`[^`]*`/gu, // code quoted for developers (CLI usage lines)
  /\b[a-z]+:\/\/\S+/gu, // URLs
  /\b(application|audio|video|image|text)\/[a-z0-9.+-]+/gu, // media types
  /\bnpm run[^\s，。]*( -- [^\s，。]+)*/gu,
  /\bHTTP\b/gu, // the protocol's name before a status code
  /^access_denied$/gu, // OAuth 2.0 error code (RFC 6749 §4.1.2.1), for the client, beside its Chinese description
];

describe('Chinese messages', () => {
  it('carry no untranslated codes', () => {
    const findings = scanMessages(repo, allowed);
    expect(findings.map((f) => `${f.file}:${f.line} ${f.why} — ${f.text}`)).toEqual([]);
  });

  it('name in words every field a refusal points at', () => {
    const paths = scanFieldPaths(repo);
    // The scan must see the refusals it is about (a broken scan would find nothing to complain of).
    expect(paths.length).toBeGreaterThan(40);
    const code = /(?<![A-Za-z0-9_.@/-])[a-z][A-Za-z]+/u;
    const unnamed = paths
      .map((p) => ({ ...p, label: fieldLabelOf(p.path.split('.')) }))
      .filter((p) => !p.label || code.test(p.label))
      .map((p) => `${p.file}:${p.line} ${p.path} → ${p.label}`);
    expect(unnamed).toEqual([]);
  });

  it.each(serviceNames)('name every request field of %s in words', async (service) => {
    const doc = await serviceDocument(service);
    const unnamed = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (o.properties && typeof o.properties === 'object') {
        for (const name of Object.keys(o.properties)) if (!fieldLabel[name]) unnamed.add(name);
      }
      if (typeof o.in === 'string' && typeof o.name === 'string' && o.in !== 'header' && !fieldLabel[o.name])
        unnamed.add(o.name);
      Object.values(o).forEach(walk);
    };
    for (const item of Object.values(doc.paths))
      for (const op of Object.values(item)) walk([op.requestBody, op.parameters]);
    expect([...unnamed].sort()).toEqual([]);
  });
});
