import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../calendar/calendar-data-dir';

/** The CLI contract, through a real process: `npx tsx packages/shared/src/cli/main.ts …`. */
interface TRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

let dataDir: string;
beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-main-'));
});
afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

const cli = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<TRun> =>
  new Promise((resolve, reject) => {
    // npx itself may warn on stderr about the user's npm config; run tsx from the repo directly so
    // that stderr holds only what the CLI writes.
    const child = spawn(
      path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
      [path.join(REPO_ROOT, 'packages/shared/src/cli/main.ts'), ...args],
      {
        // A different cwd on purpose: the CLI must find its data from __dirname, not the cwd.
        cwd: os.tmpdir(),
        // A far-off TZ on purpose: output must not depend on the server's time zone.
        env: { ...process.env, TZ: 'Pacific/Kiritimati', CALENDAR_DATA_DIR: dataDir, ...env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

describe('cli main', () => {
  it.each([
    [['deadline', '--plain', '2025-09-28', '7'], '2025-10-14\n'],
    [['deadline', '--plain', '2026-02-12', '7'], '2026-02-28\n'],
    [['deadline', '--plain', '2025-12-29', '5'], '2026-01-06\n'],
    [['deadline', '--plain', '2026-12-28', '5'], '2027-01-05 provisional\n'],
  ])('%j prints %j', async (args, expected) => {
    await expect(cli(args)).resolves.toEqual({ code: 0, stdout: expected, stderr: '' });
  });

  it.each([
    [['deadline']],
    [['deadline', '2025-09-28']],
    [['deadline', '2025-02-30', '7']],
    [['deadline', '2025/09/28', '7']],
    [['deadline', '2025-09-28', '0']],
    [['deadline', '2025-09-28', '-3']],
    [['deadline', '2025-09-28', '1.5']],
    [['deadline', '2025-09-28', 'seven']],
    [['deadline', '2025-09-28', '7', 'extra']],
  ])('%j is a usage error: exit 2, usage on stderr, nothing on stdout', async (args) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe('用法：npm run -s cli -- deadline <YYYY-MM-DD> <N>');
  });

  it('works through npx as documented', async () => {
    const run = await new Promise<TRun>((resolve, reject) => {
      const child = spawn(
        'npx',
        ['tsx', 'packages/shared/src/cli/main.ts', 'deadline', '--plain', '2025-09-28', '7'],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, CALENDAR_DATA_DIR: dataDir },
        },
      );
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr: '' }));
    });
    expect(run).toMatchObject({ code: 0, stdout: '2025-10-14\n' });
  });

  it('imports a year, which makes deadlines in it final, and then shows it', async () => {
    const file = path.join(dataDir, '..', `${path.basename(dataDir)}-2027.json`);
    await fs.writeFile(
      file,
      JSON.stringify({
        year: 2027,
        papers: ['https://example.invalid/synthetic-2027'],
        days: [
          { name: '元旦（测试）', date: '2027-01-01', isOffDay: true },
          { name: '元旦（测试）', date: '2027-01-02', isOffDay: false },
        ],
      }),
    );
    try {
      const imported = await cli(['calendar', 'import', file]);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain('已导入 2027 年节假日安排：休息日 1 天，调休上班日 1 天');

      await expect(cli(['deadline', '--plain', '2026-12-31', '1'])).resolves.toMatchObject({
        stdout: '2027-01-02\n',
      });

      const shown = await cli(['calendar', 'show', '2027']);
      expect(shown.code).toBe(0);
      expect(shown.stdout).toContain('导入数据');
      expect(shown.stdout).toContain('  2027-01-01 周五 元旦（测试）');
      expect(shown.stdout).toMatch(/调休上班日：\n {2}2027-01-02 周六 元旦（测试）/u);
    } finally {
      await fs.rm(file, { force: true });
    }
  });

  it('refuses an invalid file with every problem listed and exit 1', async () => {
    const file = path.join(dataDir, '..', `${path.basename(dataDir)}-bad.json`);
    await fs.writeFile(
      file,
      JSON.stringify({ year: 2029, papers: [], days: [{ name: 'x', date: '2029-02-29', isOffDay: 1 }] }),
    );
    try {
      const run = await cli(['calendar', 'import', file]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('papers: papers 不能为空');
      expect(run.stderr).toContain('days[0].date: 不是有效日期（应为 YYYY-MM-DD）：2029-02-29');
      expect(run.stderr).toContain('days[0].isOffDay:');
    } finally {
      await fs.rm(file, { force: true });
    }
  });

  it('lists the off days and make-up workdays of a shipped year', async () => {
    const run = await cli(['calendar', 'show', '2026']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('依据：https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm');
    expect(run.stdout).toContain('  2026-02-15 周日 春节');
    expect(run.stdout).toMatch(/调休上班日：\n {2}2026-01-04 周日 元旦\n {2}2026-02-14 周六 春节/u);
  });

  it('is a usage error to show a malformed year', async () => {
    await expect(cli(['calendar', 'show', '26'])).resolves.toMatchObject({ code: 2 });
  });
});
