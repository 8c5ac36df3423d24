import {
  CliUsageError,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  runCli,
  type TCliCommand,
  type TCliContext,
} from './dispatcher';

const captured = (): TCliContext & { stdout: string[]; stderr: string[] } => {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line), env: {} };
};

const command = (path: string[], run: TCliCommand['run']): TCliCommand => ({
  path,
  args: '<x>',
  summary: path.join(' '),
  run,
});

const calls: string[] = [];
const commands: TCliCommand[] = [
  command(['calendar'], async (args) => {
    calls.push(`calendar ${args.join(' ')}`);
    return EXIT_OK;
  }),
  command(['calendar', 'show'], async (args) => {
    calls.push(`show ${args.join(' ')}`);
    return EXIT_OK;
  }),
  command(['bad'], async () => {
    throw new CliUsageError('参数不对');
  }),
  command(['boom'], async () => {
    throw new Error('kaput');
  }),
];

beforeEach(() => {
  calls.length = 0;
});

describe('runCli', () => {
  it('picks the longest matching command path and passes the remaining arguments', async () => {
    await expect(runCli(['calendar', 'show', '2026'], commands, captured())).resolves.toBe(EXIT_OK);
    await expect(runCli(['calendar', 'other'], commands, captured())).resolves.toBe(EXIT_OK);
    expect(calls).toEqual(['show 2026', 'calendar other']);
  });

  it('prints the usage line and exits 2 on a usage error', async () => {
    const ctx = captured();
    await expect(runCli(['bad'], commands, ctx)).resolves.toBe(EXIT_USAGE);
    expect(ctx.stderr).toEqual(['用法：npm run -s cli -- bad <x>', '参数不对']);
    expect(ctx.stdout).toEqual([]);
  });

  it('exits 1 with the message on any other failure', async () => {
    const ctx = captured();
    await expect(runCli(['boom'], commands, ctx)).resolves.toBe(EXIT_FAILURE);
    expect(ctx.stderr).toEqual(['错误：kaput']);
  });

  it('prints help to stderr and exits 2 on an unknown or missing command', async () => {
    for (const argv of [['nope'], []]) {
      const ctx = captured();
      await expect(runCli(argv, commands, ctx)).resolves.toBe(EXIT_USAGE);
      expect(ctx.stderr.join('\n')).toContain('calendar show <x>');
    }
  });

  it('prints help to stdout on request', async () => {
    const ctx = captured();
    await expect(runCli(['--help'], commands, ctx)).resolves.toBe(EXIT_OK);
    expect(ctx.stdout[0]).toBe('用法：npm run -s cli -- <命令> [参数]');
  });
});
