import type { PrismaMigrateErrorCode } from '../errors';
import type {
  CheckDriftOptions,
  CreateMigrationOptions,
  DeployMigrationsOptions,
  DriftResult,
  MarkRolledBackOptions,
  ResetDatabaseOptions,
  WorkerParams,
} from '../options';

// Messages between the library (parent) and the engine worker (child), over Node's IPC channel.
export interface WorkerOperations {
  create: { params: WorkerParams<CreateMigrationOptions>; result: string | null };
  deploy: { params: WorkerParams<DeployMigrationsOptions>; result: string[] };
  drift: { params: WorkerParams<CheckDriftOptions>; result: DriftResult };
  reset: { params: WorkerParams<ResetDatabaseOptions>; result: string[] };
  markRolledBack: { params: WorkerParams<MarkRolledBackOptions>; result: null };
}

export type OperationName = keyof WorkerOperations;

export interface WorkerRequest<K extends OperationName = OperationName> {
  op: K;
  params: WorkerOperations[K]['params'];
}

export type WorkerMessage =
  | { type: 'progress'; message: string }
  | { type: 'result'; value: unknown }
  | { type: 'error'; expected: true; code: PrismaMigrateErrorCode; message: string; prismaCode?: string }
  | { type: 'error'; expected: false; message: string; stack?: string };
