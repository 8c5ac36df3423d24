import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Source folders whose strings people read (tests, benchmarks and generated code excluded). */
const roots = ['packages/shared/src', 'services', 'workflows/src', 'scripts/demo', 'apps/console/src'];
/**
 * Skipped besides: the calendar file checks, whose messages name the keys of the JSON file an
 * administrator edits (`papers`, `days[4]`) on purpose.
 */
const skip =
  /(\.test\.tsx?$|\/test\/|\/bench\/|\/generated\/|\/node_modules\/|\/prisma\/|shared\/src\/calendar\/)/u;

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

/** `skip` is matched below the repository (a checkout at `/work/wt/bench/` is not a bench folder). */
function filesUnder(dir: string, repo: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const inRepo = `/${path.relative(repo, full)}`;
    if (skip.test(`${inRepo}/`) && statSync(full).isDirectory()) continue;
    if (statSync(full).isDirectory()) filesUnder(full, repo, out);
    else if (/\.tsx?$/u.test(full) && !skip.test(inRepo)) out.push(full);
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

/**
 * The texts a message expression can take: its literals, through templates (their fixed parts),
 * conditionals, `+`, `??` and `||`; what comes from elsewhere (a variable, a call) is not a literal.
 */
function literalTexts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node))
    return [
      [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('${…}'),
      ...node.templateSpans.flatMap((s) => literalTexts(s.expression)),
    ];
  if (ts.isConditionalExpression(node))
    return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return literalTexts(node.expression);
  if (
    ts.isBinaryExpression(node) &&
    [ts.SyntaxKind.PlusToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(
      node.operatorToken.kind,
    )
  )
    return [...literalTexts(node.left), ...literalTexts(node.right)];
  return [];
}

/**
 * The message a node passes to a person, where the position says so: the text of an error
 * (`new AppError(code, text)`, `conflict(text)`, `forbidden(text)`, `notFound(what)`), a zod
 * check's message (`.min(1, text)`), a `message`/`error`/`detail` property.
 */
function messageArgumentAt(node: ts.Node): ts.Node | undefined {
  if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
    const callee = node.expression;
    const name = ts.isIdentifier(callee)
      ? callee.text
      : ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : '';
    const args = [...(node.arguments ?? [])];
    if (name === 'AppError') return args[1];
    if (['conflict', 'forbidden', 'notFound'].includes(name) && ts.isIdentifier(callee)) return args[0];
    if (ts.isPropertyAccessExpression(callee) && ZOD_MESSAGE_METHODS.has(name)) return args[1];
  }
  if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && MESSAGE_PROPERTIES.has(node.name.text))
    return node.initializer;
  return undefined;
}

/** A lower-case Latin word: English prose or a code (`PNG`, `SHA-256` alone are names). */
const LATIN_WORD = /[a-z]{2,}/u;

/** Chinese message templates whose text has a code, or which print a code-valued field. */
export function scanMessages(repo: string, allowed: readonly RegExp[]): TFinding[] {
  const findings: TFinding[] = [];
  for (const root of roots) {
    for (const file of filesUnder(path.join(repo, root), repo)) {
      const source = ts.createSourceFile(
        file,
        readFileSync(file, 'utf8'),
        ts.ScriptTarget.ES2022,
        true,
        file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
      );
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
            node.templateSpans.forEach((span, i) => {
              const e = span.expression;
              const name = ts.isPropertyAccessExpression(e) ? e.name.text : ts.isIdentifier(e) ? e.text : '';
              // `HTTP ${res.status}`: a status code, not a code word.
              const before = i === 0 ? node.head.text : node.templateSpans[i - 1]!.literal.text;
              if (CODE_VALUED.has(name) && !/HTTP $/u.test(before))
                report(node, text, `prints the code-valued \`${e.getText()}\``);
            });
          }
        }
        ts.forEachChild(node, check);
      };
      const checkWhollyLatin = (message: ts.Node): void => {
        for (const text of literalTexts(message)) {
          const stripped = allowed.reduce((t, re) => t.replace(re, ''), text);
          if (!CHINESE.test(text) && LATIN_WORD.test(stripped))
            report(message, text, 'written wholly in English');
        }
      };
      const visit = (node: ts.Node): void => {
        for (const message of messagesAt(node)) check(message);
        const message = messageArgumentAt(node);
        if (message) checkWhollyLatin(message);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return findings;
}

export interface TFieldPath {
  file: string;
  line: number;
  /** The path as a person's message names it; list positions written as `0`. */
  path: string;
}

/** `'body.x'` → `body.x`; `` `body.officers.${i}.name` `` → `body.officers.0.name`; else undefined. */
function pathText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    const text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('0');
    // `body.${field}`: a whole field name from elsewhere, not a list position.
    return /^[a-z]+\.0(\.|$)/u.test(text) ? undefined : text;
  }
  if (ts.isConditionalExpression(node)) return pathText(node.whenTrue);
  return undefined;
}

/**
 * The field paths refusals point at by hand: `fieldError(path, text)`, `{ path: 'body.x', message }`
 * and zod issues' `path: ['x']` (under `body`, where the service parses its body).
 */
export function scanFieldPaths(repo: string): TFieldPath[] {
  const found: TFieldPath[] = [];
  for (const root of roots) {
    for (const file of filesUnder(path.join(repo, root), repo)) {
      const source = ts.createSourceFile(
        file,
        readFileSync(file, 'utf8'),
        ts.ScriptTarget.ES2022,
        true,
        file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
      );
      const add = (node: ts.Node, p: string | undefined) => {
        if (p)
          found.push({
            file: path.relative(repo, file),
            line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
            path: p,
          });
      };
      const visit = (node: ts.Node): void => {
        if (
          ts.isCallExpression(node) &&
          ts.isIdentifier(node.expression) &&
          node.expression.text === 'fieldError'
        ) {
          const [first, second] = node.arguments;
          if (first) add(first, pathText(first));
          if (ts.isConditionalExpression(first ?? node) && second)
            add(first!, pathText((first as ts.ConditionalExpression).whenFalse));
        }
        if (ts.isObjectLiteralExpression(node)) {
          const prop = (name: string) =>
            node.properties.find(
              (p): p is ts.PropertyAssignment =>
                ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name,
            );
          const at = prop('path');
          if (at && prop('message')) {
            if (ts.isArrayLiteralExpression(at.initializer)) {
              const segments = at.initializer.elements.map((e) => pathText(e));
              if (segments.every((s) => s !== undefined)) add(at, ['body', ...segments].join('.'));
            } else add(at, pathText(at.initializer));
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return found;
}
