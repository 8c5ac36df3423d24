import type { Client } from '@temporalio/client';
import { lifecycleSignals, type TCalendarUpdated } from '../contracts/lifecycle';

/** Running workflows that hold a provisional deadline (search attribute ProvisionalDeadline). */
export const PROVISIONAL_RUNNING_QUERY = 'ProvisionalDeadline = true AND ExecutionStatus = "Running"';

/**
 * Signals `calendarUpdated` to every running workflow holding a provisional deadline, by workflow id
 * (a run that continued-as-new still gets it); answers how many were signalled. Used by the CLI's
 * `calendar import` and by the console's 日历 page.
 */
export async function signalWorkflowsWithProvisionalDeadlines(
  client: Client,
  years: number[],
  /** Narrows the visibility query further (e.g. `TaskQueue = "…"` in tests). */
  andQuery?: string,
): Promise<number> {
  const payload: TCalendarUpdated = { years, at: new Date().toISOString() };
  let signalled = 0;
  const query = andQuery ? `${PROVISIONAL_RUNNING_QUERY} AND ${andQuery}` : PROVISIONAL_RUNNING_QUERY;
  for await (const execution of client.workflow.list({ query })) {
    await client.workflow.getHandle(execution.workflowId).signal(lifecycleSignals.calendarUpdated, payload);
    signalled += 1;
  }
  return signalled;
}
