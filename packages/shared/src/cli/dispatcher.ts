/**
 * A tiny command dispatcher: commands are named by word paths (`deadline`, `calendar import`), and
 * the longest matching path wins, so a new command is one more entry in the list (see commands/).
 */

export interface TCliContext {
  /** Writes one line to stdout. */
  out(line: string): void;
  /** Writes one line to stderr. */
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

export interface TCliCommand {
  /** The words that select the command, e.g. `['calendar', 'import']`. */
  readonly path: readonly string[];
  /** Arguments after the path, e.g. `<file>`. */
  readonly args: string;
  /** One line of help text (Chinese: the CLI is used by administrators). */
  readonly summary: string;
  /** Resolves to the exit code. Throws {@link CliUsageError} for bad arguments. */
  run(args: readonly string[], ctx: TCliContext): Promise<number>;
}

/** Bad arguments: the dispatcher prints the command's usage line and exits with 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

const PROGRAM = 'npm run -s cli --';

export const usageLine = (command: TCliCommand): string =>
  `用法：${PROGRAM} ${[...command.path, command.args].filter(Boolean).join(' ')}`;

const printHelp = (commands: readonly TCliCommand[], write: (line: string) => void): void => {
  write(`用法：${PROGRAM} <命令> [参数]`);
  write('命令：');
  const synopses = commands.map((command) => [...command.path, command.args].filter(Boolean).join(' '));
  const width = Math.max(0, ...synopses.map((synopsis) => synopsis.length));
  commands.forEach((command, index) =>
    write(`  ${(synopses[index] ?? '').padEnd(width)}  ${command.summary}`),
  );
};

const findCommand = (argv: readonly string[], commands: readonly TCliCommand[]): TCliCommand | undefined =>
  commands
    .filter((command) => command.path.every((word, index) => argv[index] === word))
    .sort((a, b) => b.path.length - a.path.length)[0];

/** Runs the command that `argv` selects; resolves to the process exit code. */
export const runCli = async (
  argv: readonly string[],
  commands: readonly TCliCommand[],
  ctx: TCliContext,
): Promise<number> => {
  if (argv.length === 1 && ['help', '--help', '-h'].includes(argv[0] ?? '')) {
    printHelp(commands, ctx.out);
    return EXIT_OK;
  }
  const command = findCommand(argv, commands);
  if (!command) {
    if (argv.length > 0) ctx.err(`未知命令：${argv.join(' ')}`);
    printHelp(commands, ctx.err);
    return EXIT_USAGE;
  }
  try {
    return await command.run(argv.slice(command.path.length), ctx);
  } catch (error) {
    if (error instanceof CliUsageError) {
      ctx.err(usageLine(command));
      ctx.err(error.message);
      return EXIT_USAGE;
    }
    ctx.err(
      `错误：${typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error)}`,
    );
    return EXIT_FAILURE;
  }
};
