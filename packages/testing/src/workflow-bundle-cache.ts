import { createHash, randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { temporalFailureConverterPath } from '@sanxiang/shared';

/**
 * A workflow bundle built once and reused by every suite (and every later run) until its sources
 * change. Webpack bundling is the slowest step of a suite's setup — seconds of CPU, so minutes on a
 * busy two-core machine, where suites that each bundled the same code ran out of their hook timeout.
 *
 * The cache key is the bundle's entry point plus the content of every file that can reach a bundle:
 * the workflow sources, the shared package, the entry point's own folder and the lock file (which
 * pins every package webpack reads from node_modules). The bundle lands in
 * `.local/test/workflow-bundles/` (git-ignored), written to a temporary name and renamed, so suites
 * running side by side never read half a file; older bundles of the same entry point are removed.
 */
const repoRoot = path.resolve(__dirname, '../../..');
const cacheDir = path.join(repoRoot, '.local', 'test', 'workflow-bundles');
const sourceRoots = ['workflows/src', 'packages/shared/src'].map((d) => path.join(repoRoot, d));

const quietLogger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

function listSources(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listSources(full, out);
    else if (/\.(ts|js|json)$/u.test(entry.name)) out.push(full);
  }
}

function sourcesKey(workflowsPath: string): string {
  const files: string[] = [];
  for (const dir of [...sourceRoots, path.dirname(workflowsPath)]) listSources(dir, files);
  const hash = createHash('sha256').update(path.relative(repoRoot, workflowsPath));
  for (const file of [...new Set(files)].sort()) {
    hash.update(`\0${path.relative(repoRoot, file)}\0`).update(readFileSync(file));
  }
  hash.update(readFileSync(path.join(repoRoot, 'package-lock.json')));
  return hash.digest('hex').slice(0, 20);
}

/** `{ codePath }` for `Worker.create({ workflowBundle })` or `Worker.runReplayHistories`. */
export async function cachedWorkflowBundle(workflowsPath: string): Promise<{ codePath: string }> {
  const entry = path
    .relative(repoRoot, workflowsPath)
    .replace(/\.[jt]s$/u, '')
    .replace(/[^A-Za-z0-9]+/gu, '-');
  const codePath = path.join(cacheDir, `${entry}.${sourcesKey(workflowsPath)}.js`);
  if (existsSync(codePath) && statSync(codePath).size > 0) return { codePath };

  // Failures raised in workflows are encoded like the worker's (failure-converter.ts).
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    failureConverterPath: temporalFailureConverterPath,
    logger: quietLogger,
  });
  mkdirSync(cacheDir, { recursive: true });
  const temporary = `${codePath}.${randomUUID()}.tmp`;
  writeFileSync(temporary, code);
  renameSync(temporary, codePath);
  for (const name of readdirSync(cacheDir)) {
    const full = path.join(cacheDir, name);
    if (name.startsWith(`${entry}.`) && name.endsWith('.js') && full !== codePath) {
      try {
        unlinkSync(full);
      } catch {
        // another suite removed it first
      }
    }
  }
  return { codePath };
}
