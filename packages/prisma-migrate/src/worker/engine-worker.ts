import { isPrismaMigrateError } from '../errors';
import { checkDriftOperation } from '../operations/check-drift';
import { createMigrationOperation } from '../operations/create-migration';
import { deployMigrationsOperation } from '../operations/deploy-migrations';
import { markRolledBackOperation } from '../operations/mark-rolled-back';
import { resetDatabaseOperation } from '../operations/reset-database';
import type { OperationName, WorkerMessage, WorkerOperations, WorkerRequest } from './protocol';

// Child-process entry (see run-in-worker.ts): receives one request, runs it on the Wasm schema
// engine, sends progress lines and the outcome, then lets the process end by itself. Ending by
// itself is deliberate: a leaked timer or pool would show up as a hang, not go unnoticed.
type Handlers = {
  [K in OperationName]: (
    params: WorkerOperations[K]['params'],
    progress: (message: string) => void,
  ) => Promise<WorkerOperations[K]['result']>;
};

const handlers: Handlers = {
  create: createMigrationOperation,
  deploy: deployMigrationsOperation,
  drift: checkDriftOperation,
  reset: resetDatabaseOperation,
  markRolledBack: async (params, progress) => {
    await markRolledBackOperation(params, progress);
    return null;
  },
};

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) return reject(new Error('engine-worker must be started with an IPC channel'));
    process.send(message, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

function toErrorMessage(error: unknown): WorkerMessage {
  if (isPrismaMigrateError(error)) {
    return {
      type: 'error',
      expected: true,
      code: error.code,
      message: error.message,
      ...(error.prismaCode ? { prismaCode: error.prismaCode } : {}),
    };
  }
  if (error instanceof Error) {
    return {
      type: 'error',
      expected: false,
      message: error.message,
      ...(error.stack ? { stack: error.stack } : {}),
    };
  }
  return { type: 'error', expected: false, message: String(error) };
}

async function handle(request: WorkerRequest): Promise<void> {
  const progress = (message: string) => void send({ type: 'progress', message });
  let outcome: WorkerMessage;
  try {
    const handler = handlers[request.op] as (params: unknown, p: typeof progress) => Promise<unknown>;
    outcome = { type: 'result', value: await handler(request.params, progress) };
  } catch (error) {
    outcome = toErrorMessage(error);
  }
  await send(outcome);
  process.disconnect();
}

process.once('message', (request: WorkerRequest) => {
  handle(request).catch((error: unknown) => {
    process.stderr.write(
      `engine worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
    process.disconnect();
  });
});
