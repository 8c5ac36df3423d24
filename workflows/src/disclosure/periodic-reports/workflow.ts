import { proxyActivities } from '@temporalio/workflow';
import type { TPeriodicReportActivities, TPreparedReport } from './activities';
import type { TDisclosureReportKind } from '@sanxiang/shared/src/contracts';
import { previousPeriod } from './period';

export interface TPrepareDisclosureReportInput {
  kind: TDisclosureReportKind;
  /** Normally omitted: the period before the run (a Schedule's action carries only the kind). */
  period?: string;
}

const acts = proxyActivities<TPeriodicReportActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * Started by the disclosure Schedules: random-inspection results (monthly), the credit blacklist
 * (quarterly, 004 §13) and the annual statistics (January, published by the 10th, 002 §4(5)). It has
 * the service prepare the report as a draft; staff review and the head approve it like any
 * disclosure. Idempotent by kind and period: a repeated or caught-up run finds the same draft.
 */
export async function prepareDisclosureReportWorkflow(
  input: TPrepareDisclosureReportInput,
): Promise<TPreparedReport & { period: string }> {
  // Date.now() is the workflow's deterministic time (the run's start, for this first step).
  const period = input.period ?? previousPeriod(input.kind, new Date(Date.now()));
  const prepared = await acts.prepareDisclosureReport({
    kind: input.kind,
    period,
    idempotencyKey: `disclosure-report:${input.kind}:${period}`,
  });
  return { ...prepared, period };
}
