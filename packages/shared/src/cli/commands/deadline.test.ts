import { EXIT_OK, EXIT_USAGE, runCli, type TCliContext } from '../dispatcher';
import { buildCommands } from '.';

const run = async (args: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> => {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const ctx: TCliContext = {
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    // A directory that does not exist: shipped data only.
    env: { CALENDAR_DATA_DIR: '/nonexistent/sanxiang-calendar-test' },
  };
  const code = await runCli(['deadline', ...args], buildCommands({ postImportSteps: [] }), ctx);
  return { code, stdout, stderr };
};

describe('deadline command (in process)', () => {
  it.each([
    ['2025-09-28', '7', '2025-10-14'],
    ['2024-02-08', '3', '2024-02-19'],
    ['2026-09-18', '10', '2026-10-09'],
    ['2024-12-31', '10', '2025-01-15'],
    ['2028-03-01', '3', '2028-03-06 provisional'],
  ])('%s + %s → %s', async (date, n, expected) => {
    await expect(run(['--plain', date, n])).resolves.toEqual({
      code: EXIT_OK,
      stdout: [expected],
      stderr: [],
    });
  });

  it.each([
    ['2025-09-28', '7', '2025-10-14（2025年10月14日 周二）'],
    ['2028-03-01', '3', '2028-03-06（2028年3月6日 周一；暂按法定节假日推算（当年调休安排未公布））'],
  ])('%s + %s prints Chinese: %s', async (date, n, expected) => {
    await expect(run([date, n])).resolves.toEqual({ code: EXIT_OK, stdout: [expected], stderr: [] });
  });

  it.each([
    ['2025-09-28', '5001'],
    ['2025-09-28', '07x'],
    ['2025-09-28', ' 7'],
    ['20250928', '7'],
  ])('%s %s is a usage error', async (date, n) => {
    const result = await run([date, n]);
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stdout).toEqual([]);
    expect(result.stderr[0]).toBe('用法：npm run -s cli -- deadline <YYYY-MM-DD> <N>');
  });
});
