/**
 * Workflow code runs in Temporal's deterministic sandbox. The lint rules must reject Node built-ins
 * and I/O libraries there, and allow the pure shared vocabulary.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '..');
// An existing workflow file, so the type-aware parser knows it; its text is replaced for the check.
const workflowFile = path.join(root, 'workflows/src/hello/workflow.ts');

/** Lints `code` as if it were a workflow file, with the project's real ESLint and config. */
async function lintAsWorkflow(code: string): Promise<number[]> {
  const eslintBin = path.join(root, 'node_modules/eslint/bin/eslint.js');
  const run = promisify(execFile)(
    process.execPath,
    [eslintBin, '--format', 'json', '--stdin', '--stdin-filename', workflowFile],
    { cwd: root },
  );
  run.child.stdin?.end(code);
  // ESLint exits 1 when it finds problems; the JSON report is on stdout either way.
  const { stdout } = await run.catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
  const [result] = JSON.parse(stdout) as { messages: { ruleId: string | null; line: number }[] }[];
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line);
}

describe('lint rules for workflow files', () => {
  it('reject Node built-ins, I/O libraries and the shared package entry point', async () => {
    const lines = await lintAsWorkflow(
      [
        "import { readFileSync } from 'node:fs';",
        "import http from 'http';",
        "import { createLogger } from '@sanxiang/shared';",
        "import { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';",
        "import { Client } from 'minio';",
        "import { PrismaPg } from '@prisma/adapter-pg';",
        'export const used = [readFileSync, http, createLogger, WorkingDayCalendar, Client, PrismaPg];',
      ].join('\n'),
    );
    expect(lines).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('allow the workflow API and the shared domain vocabulary and contracts', async () => {
    const lines = await lintAsWorkflow(
      [
        "import { sleep } from '@temporalio/workflow';",
        "import { ZRole } from '@sanxiang/shared/src/domain';",
        "import { lifecycleSignals } from '@sanxiang/shared/src/contracts/lifecycle';",
        'export const used = [sleep, ZRole, lifecycleSignals];',
      ].join('\n'),
    );
    expect(lines).toEqual([]);
  });
});
