/**
 * Workflow code runs in Temporal's deterministic sandbox. The lint rules must reject Node built-ins
 * and I/O libraries there, and allow the pure shared vocabulary.
 *
 * All snippets are linted by one ESLint instance in one child process (ESLint loads the project's
 * ESM config with a dynamic import, which jest's module sandbox does not allow), with type
 * information switched off: a type-aware run per snippet is what made this suite take minutes on a
 * busy machine.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '..');
const workflowFile = 'workflows/src/hello/workflow.ts';

interface LintMessage {
  ruleId: string | null;
  line: number;
}

/** Lints every snippet as if it were a workflow file; answers the lines of forbidden imports. */
async function lintAsWorkflow(snippets: string[]): Promise<number[][]> {
  const run = promisify(execFile)(process.execPath, [path.join(root, 'test/support/lint-snippets.mjs')], {
    cwd: root,
  });
  run.child.stdin?.end(
    JSON.stringify({
      rules: ['no-restricted-imports'],
      snippets: snippets.map((code) => ({ filePath: workflowFile, code })),
    }),
  );
  const { stdout } = await run;
  const reports = JSON.parse(stdout) as LintMessage[][];
  return reports.map((messages) =>
    messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line),
  );
}

const forbidden = [
  "import { readFileSync } from 'node:fs';",
  "import http from 'http';",
  "import { createLogger } from '@sanxiang/shared';",
  "import { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';",
  "import { Client } from 'minio';",
  "import { PrismaPg } from '@prisma/adapter-pg';",
  'export const used = [readFileSync, http, createLogger, WorkingDayCalendar, Client, PrismaPg];',
].join('\n');

const allowed = [
  "import { sleep } from '@temporalio/workflow';",
  "import { ZRole } from '@sanxiang/shared/src/domain';",
  "import { lifecycleSignals } from '@sanxiang/shared/src/contracts/lifecycle';",
  "import { clockRules } from '@sanxiang/shared/src/clocks';",
  "import { formatDate } from '@sanxiang/shared/src/format';",
  'export const used = [sleep, ZRole, lifecycleSignals, clockRules, formatDate];',
].join('\n');

describe('lint rules for workflow files', () => {
  let lines: number[][];
  beforeAll(async () => {
    lines = await lintAsWorkflow([forbidden, allowed]);
  });

  it('reject Node built-ins, I/O libraries and the shared package entry point', () => {
    expect(lines[0]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('allow the workflow API and the shared domain vocabulary and contracts', () => {
    expect(lines[1]).toEqual([]);
  });
});
