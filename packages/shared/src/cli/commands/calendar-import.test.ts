import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TImportResult } from '../../calendar/calendar-store';
import { EXIT_FAILURE, EXIT_OK, runCli, type TCliContext } from '../dispatcher';
import type { TPostImportStep } from '../post-import';
import { buildCommands } from '.';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-import-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const context = (): TCliContext & { stdout: string[]; stderr: string[] } => {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    env: { CALENDAR_DATA_DIR: path.join(dir, 'data') },
  };
};

const writeYear = async (): Promise<string> => {
  const file = path.join(dir, 'synthetic-2028.json');
  await fs.writeFile(
    file,
    JSON.stringify({
      year: 2028,
      papers: ['https://example.invalid/synthetic-2028'],
      days: [{ name: '测试', date: '2028-10-02', isOffDay: true }],
    }),
  );
  return file;
};

describe('calendar import (in process)', () => {
  it('runs every registered post-import step after storing the year', async () => {
    const seen: TImportResult[] = [];
    const step: TPostImportStep = {
      name: 'record',
      run: async (imported) => {
        seen.push(imported);
      },
    };
    const ctx = context();
    const code = await runCli(
      ['calendar', 'import', await writeYear()],
      buildCommands({ postImportSteps: [step] }),
      ctx,
    );
    expect(code).toBe(EXIT_OK);
    expect(seen).toEqual([
      expect.objectContaining({ year: 2028, replaced: false, file: path.join(dir, 'data', '2028.json') }),
    ]);
    expect(ctx.stdout.join('\n')).toContain('已导入 2028 年节假日安排');
  });

  it('reports failing steps together, after running all of them, and keeps the stored year', async () => {
    const ran: string[] = [];
    const failing = (name: string): TPostImportStep => ({
      name,
      run: async () => {
        ran.push(name);
        throw new Error(`${name} unavailable`);
      },
    });
    const ctx = context();
    const code = await runCli(
      ['calendar', 'import', await writeYear()],
      buildCommands({ postImportSteps: [failing('signal-workflows'), failing('notify')] }),
      ctx,
    );
    expect(code).toBe(EXIT_FAILURE);
    expect(ran).toEqual(['signal-workflows', 'notify']);
    expect(ctx.stderr.join('\n')).toContain('signal-workflows: signal-workflows unavailable');
    expect(ctx.stderr.join('\n')).toContain('notify: notify unavailable');
    await expect(fs.access(path.join(dir, 'data', '2028.json'))).resolves.toBeUndefined();
  });

  it('runs no step when the file is invalid', async () => {
    const file = path.join(dir, 'bad.json');
    await fs.writeFile(file, JSON.stringify({ year: 2028, papers: [], days: [] }));
    const run = jest.fn(async () => undefined);
    const code = await runCli(
      ['calendar', 'import', file],
      buildCommands({ postImportSteps: [{ name: 'x', run }] }),
      context(),
    );
    expect(code).toBe(EXIT_FAILURE);
    expect(run).not.toHaveBeenCalled();
  });
});
