import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { TLifecycleActivities } from '../activities';
import type { TClockKeeper } from './clocks';
import type { TLifecycleState } from './state';

/** The service calls of the lifecycle (activities, retried without limit). */
export type TLifecycleServices = Omit<TLifecycleActivities, 'computeClock'>;

/** The clock keeper as handlers and stages use it (a fake in unit tests). */
export type TClocks = Pick<
  TClockKeeper,
  'find' | 'open' | 'close' | 'pause' | 'recomputeProvisional' | 'resumeAll'
>;

/**
 * Everything the lifecycle needs from Temporal. `case-lifecycle.ts` binds these to the workflow API;
 * unit tests pass plain functions, so handlers and stage steps run without a Temporal server.
 */
export interface TLifecyclePorts {
  workflowId: string;
  /** Workflow time (deterministic). */
  nowMs: () => number;
  warn: (message: string, attributes?: Record<string, unknown>) => void;
  upsertSearchAttributes: (pairs: SearchAttributeUpdatePair[]) => void;
  /** `condition(fn)` / `condition(fn, timeoutMs)` of @temporalio/workflow. */
  condition: (fn: () => boolean, timeoutMs?: number) => Promise<unknown>;
  continueAsNewSuggested: () => boolean;
  /** `patched(id)` of @temporalio/workflow: true for new runs and replays that took the new path. */
  patched: (patchId: string) => boolean;
  allHandlersFinished: () => boolean;
  continueAsNew: (state: TLifecycleState) => Promise<never>;
  services: TLifecycleServices;
}
