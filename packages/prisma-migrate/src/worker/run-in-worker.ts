import { fork } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaMigrateError } from '../errors';
import type { ProgressListener } from '../options';
import type { OperationName, WorkerMessage, WorkerOperations } from './protocol';

// The engine runs in a child Node process (with tsx to load this package's TypeScript). Reason: the
// Wasm engine's JavaScript glue is an ES module, which jest's CommonJS module sandbox cannot load
// (require, import() and createRequire all fail there), while the package itself is CommonJS.
// A child process behaves the same under tsx, jest and anything else, and keeps the engine's
// process-wide state (wasm memory, panic hook) out of the caller.
const WORKER_FILE = path.join(__dirname, 'engine-worker.ts');
const OUTPUT_TAIL_CHARS = 4000;

function tsxLoaderUrl(): string {
  return pathToFileURL(require.resolve('tsx')).href;
}

export function runInWorker<K extends OperationName>(
  op: K,
  params: WorkerOperations[K]['params'],
  onProgress: ProgressListener = () => {},
): Promise<WorkerOperations[K]['result']> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER_FILE, [], {
      execArgv: ['--import', tsxLoaderUrl()],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    // Engine log lines (SANXIANG_PRISMA_MIGRATE_DEBUG=1) are written by the worker to its stderr.
    if (process.env.SANXIANG_PRISMA_MIGRATE_DEBUG) child.stderr?.pipe(process.stderr);

    let outcome: WorkerMessage | undefined;
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.message);
      else outcome = message;
    });
    child.once('error', (error) =>
      reject(
        new PrismaMigrateError('WORKER_FAILED', `Cannot start the schema engine worker: ${error.message}`),
      ),
    );
    // Settle on exit, not on the result message: the command is done when its process is.
    child.once('exit', (code, signal) => {
      if (outcome?.type === 'result') return resolve(outcome.value as WorkerOperations[K]['result']);
      if (outcome?.type === 'error' && outcome.expected) {
        return reject(new PrismaMigrateError(outcome.code, outcome.message, outcome.prismaCode));
      }
      if (outcome?.type === 'error') {
        const error = new Error(outcome.message);
        if (outcome.stack) error.stack = outcome.stack;
        return reject(error);
      }
      reject(
        new PrismaMigrateError(
          'WORKER_FAILED',
          `The schema engine worker ended without an answer (${signal ?? `exit code ${code}`})` +
            (output.trim() ? `:\n${output.trim()}` : ''),
        ),
      );
    });
    child.send({ op, params });
  });
}
