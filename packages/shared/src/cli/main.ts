import { buildCommands } from './commands';
import { runCli, type TCliContext } from './dispatcher';
import type { TPostImportStep } from './post-import';
import { signalProvisionalWorkflows } from './steps/signal-provisional-workflows';

/** Steps run after `calendar import` stored a year. */
const POST_IMPORT_STEPS: readonly TPostImportStep[] = [signalProvisionalWorkflows];

const processContext: TCliContext = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
};

if (require.main === module) {
  void runCli(
    process.argv.slice(2),
    buildCommands({ postImportSteps: POST_IMPORT_STEPS }),
    processContext,
  ).then((code) => {
    // exitCode, not exit(): let stdout drain when piped.
    process.exitCode = code;
  });
}
