import { OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { Api } from './api';

export interface TApiInfo {
  title: string;
  version?: string;
  description?: string;
}

/**
 * The service's OpenAPI 3.1 document, as client generators read it: every `pattern` is a plain
 * ECMAScript pattern. zod-to-openapi 9.1 writes a regex check as `regex.toString()` without its
 * slashes, which leaves the flags behind (`^[^\s/\\]+$/u`), so `new RegExp(p, 'u')` rejects every
 * real value; {@link plainPattern} puts the source back.
 */
export function buildOpenApiDocument(api: Api, info: TApiInfo) {
  const document = new OpenApiGeneratorV31(api.registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: info.title, version: info.version ?? '0.1.0', description: info.description ?? '' },
    servers: [{ url: '/' }],
  });
  return withPlainPatterns(document);
}

/** Flags a JSON Schema pattern can stand without: `u`/`v` (patterns are matched on code points). */
const HARMLESS_FLAGS = /^[uv]+$/u;

/**
 * `^a\/b$/u` → `^a\/b$`. A RegExp's source escapes every `/` outside a character class, and a
 * class ends with `]`, so a `/` after an even number of backslashes followed by letters to the end is
 * the closing delimiter. Flags that change matching (`i`, `m`, `s`) cannot be said in JSON Schema:
 * such a route schema is refused.
 */
export function plainPattern(pattern: string): string {
  const closing = /\/([a-z]+)$/u.exec(pattern);
  if (!closing) return pattern;
  const source = pattern.slice(0, closing.index);
  const backslashes = /\\*$/u.exec(source)![0].length;
  if (backslashes % 2 === 1) return pattern;
  if (!HARMLESS_FLAGS.test(closing[1]!)) {
    throw new Error(`Pattern /${source}/${closing[1]} has flags JSON Schema cannot express`);
  }
  return source;
}

function withPlainPatterns<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withPlainPatterns) as T;
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === 'pattern' && typeof value === 'string' ? plainPattern(value) : withPlainPatterns(value),
    ]),
  ) as T;
}
