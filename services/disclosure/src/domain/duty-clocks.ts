import {
  dutyClockSignals,
  dutyClockWorkflowId,
  dutyClockWorkflowType,
  type TDutyClockInput,
  type TDutyClockKind,
  type TDutyDone,
} from '@sanxiang/shared/src/contracts';
import type { TCommandContext } from '../data-access/unit-of-work';

/**
 * Duties that had no clock (issue #13 item 6): each is a `dutyClockWorkflow` run (reminder,
 * escalation to the unit head, to the agency head, each told to named people), started in the
 * transaction of the change that creates the duty and told when the change that ends it commits —
 * both through the outbox, in order. The run ids: `duty-clock:<kind>:<subjectId>`.
 */
export async function startDutyClock(ctx: TCommandContext, input: TDutyClockInput): Promise<void> {
  await ctx.dutyClock({
    op: 'start',
    workflowId: dutyClockWorkflowId(input.kind, input.subjectId),
    workflowType: dutyClockWorkflowType,
    args: [input],
  });
}

export async function endDutyClock(
  ctx: TCommandContext,
  kind: TDutyClockKind,
  subjectId: string,
  outcome: string,
): Promise<void> {
  const { now } = ctx;
  const payload: TDutyDone = { subjectId, doneAt: now.toISOString(), outcome };
  await ctx.dutyClock({
    op: 'done',
    workflowId: dutyClockWorkflowId(kind, subjectId),
    signal: dutyClockSignals.dutyDone,
    payload,
  });
}

/** The correction clock of a published record: one per published version being corrected. */
export const correctionSubject = (disclosureId: string, publishedVersion: number | null) =>
  `${disclosureId}:v${publishedVersion ?? 0}`;

/** Shanghai date of the last day of a `YYYY-Qn` quarter. */
export function quarterLastDay(period: string): string {
  const m = /^(\d{4})-Q([1-4])$/u.exec(period);
  if (!m) throw new Error(`not a quarter: ${period}`);
  // A quarter ends on 31 March, 30 June, 30 September or 31 December whatever the year.
  return `${m[1]}-${QUARTER_ENDS[Number(m[2]) - 1]}`;
}

const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'] as const;
