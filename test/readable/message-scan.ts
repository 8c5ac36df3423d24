import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Source folders whose strings people read (tests, benchmarks and generated code excluded). */
const roots = ['packages/shared/src', 'services', 'workflows/src', 'scripts/demo'];
/**
 * Skipped besides: the calendar file checks, whose messages name the keys of the JSON file an
 * administrator edits (`papers`, `days[4]`) on purpose.
 */
const skip =
  /(\.test\.ts$|\/test\/|\/bench\/|\/generated\/|\/node_modules\/|\/prisma\/|shared\/src\/calendar\/)/u;

const CHINESE = /[\u4e00-\u9fff]/u;
/** A run of Latin letters starting lower-case: a code (`investigation`, `officer`), not a name (SHA-256). */
const CODE = /(?<![A-Za-z0-9_.@/-])[a-z][A-Za-z]+(?![A-Za-z0-9_])/gu;
/** Properties that hold codes; printing one inside a Chinese message prints the code. */
const CODE_VALUED = new Set(['status', 'stage', 'kind', 'outcome', 'mode', 'role', 'roles', 'mediaKind']);

export interface TFinding {
  file: string;
  line: number;
  text: string;
  why: string;
}

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (skip.test(`${full}/`) && statSync(full).isDirectory()) continue;
    if (statSync(full).isDirectory()) filesUnder(full, out);
    else if (full.endsWith('.ts') && !skip.test(full)) out.push(full);
  }
  return out;
}

const ERROR_FACTORIES = new Set(['AppError', 'conflict', 'forbidden', 'notFound', 'reject']);
const ZOD_MESSAGE_METHODS = new Set([
  'regex',
  'min',
  'max',
  'length',
  'refine',
  'gte',
  'lte',
  'int',
  'nonempty',
]);
const MESSAGE_PROPERTIES = new Set(['message', 'error', 'detail']);

/**
 * The message templates of a node: an error's text (`new AppError(code, text)`, `conflict(text)`),
 * a field message (`{ path, message }`), a zod check's message (`.min(1, text)`, `{ error: text }`).
 */
function messagesAt(node: ts.Node): ts.Node[] {
  if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
    const callee = node.expression;
    const name = ts.isIdentifier(callee)
      ? callee.text
      : ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : '';
    const args = [...(node.arguments ?? [])];
    if (ERROR_FACTORIES.has(name)) return args;
    if (ts.isPropertyAccessExpression(callee) && ZOD_MESSAGE_METHODS.has(name)) return args.slice(1);
  }
  if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && MESSAGE_PROPERTIES.has(node.name.text)) {
    return [node.initializer];
  }
  return [];
}

/** Chinese message templates whose text has a code, or which print a code-valued field. */
export function scanMessages(repo: string, allowed: readonly RegExp[]): TFinding[] {
  const findings: TFinding[] = [];
  for (const root of roots) {
    for (const file of filesUnder(path.join(repo, root))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      const report = (node: ts.Node, text: string, why: string) =>
        findings.push({
          file: path.relative(repo, file),
          line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
          text,
          why,
        });
      const check = (node: ts.Node): void => {
        const parts =
          ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
            ? [node.text]
            : ts.isTemplateExpression(node)
              ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)]
              : undefined;
        if (parts && CHINESE.test(parts.join(''))) {
          const text = parts.join('${…}');
          const stripped = allowed.reduce((t, re) => t.replace(re, ''), text);
          const codes = stripped.match(CODE);
          if (codes) report(node, text, `codes in the text: ${codes.join(', ')}`);
          if (ts.isTemplateExpression(node)) {
            for (const span of node.templateSpans) {
              const e = span.expression;
              const name = ts.isPropertyAccessExpression(e) ? e.name.text : ts.isIdentifier(e) ? e.text : '';
              if (CODE_VALUED.has(name)) report(node, text, `prints the code-valued \`${e.getText()}\``);
            }
          }
        }
        ts.forEachChild(node, check);
      };
      const visit = (node: ts.Node): void => {
        for (const message of messagesAt(node)) check(message);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return findings;
}
