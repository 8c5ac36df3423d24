import { condition, upsertSearchAttributes } from '@temporalio/workflow';
import type { TClockInstants, TClockLevel } from '@sanxiang/shared/src/clocks';
import { saDeadlineAt, saProvisionalDeadline } from '../../lifecycle/workflow/search-attributes';

/** The instant a level fires at: reminder, escalation (the due instant), second escalation. */
export const instantOf = (
  clock: Pick<TClockInstants, 'remindAt' | 'escalateAt' | 'secondEscalateAt'>,
  level: TClockLevel,
): string => (level === 0 ? clock.remindAt : level === 1 ? clock.escalateAt : clock.secondEscalateAt);

/** What a workflow with one deadline clock does at each point of it; every hook is activities. */
export interface TDeadlineClockHooks<TClock extends TClockInstants> {
  /** Computes the clock's instants (an activity: the calendar may change, history may not). */
  compute(): Promise<TClock>;
  /** After each computation, once the search attributes are set: record it, put it on the board. */
  onSet(clock: TClock): Promise<void>;
  /** A level came due at `at`: tell the people, record the escalation. */
  onStep(level: TClockLevel, clock: TClock, at: string): Promise<void>;
  /** The levels the clock's row names, ascending (a person-set clock may lack a reminder). */
  levels?: readonly TClockLevel[];
}

export interface TDeadlineClock<TClock extends TClockInstants> {
  /** The clock as last computed (null before the first computation). */
  readonly clock: TClock | null;
  /** -1 nothing fired yet, 0 reminded, 1 escalated to the unit head, 2 to the agency head. */
  readonly level: number;
  /** The `calendarUpdated` signal: a provisional clock is recomputed at its next wake-up. */
  calendarUpdated(): void;
  /**
   * Computes the clock, fires its levels in turn until `isDone()` (a signal handler sets it) and
   * then waits for it; steps already taken stay taken when new calendar data moves the instants.
   */
  runUntil(isDone: () => boolean): Promise<{ clock: TClock; level: number }>;
}

/**
 * The one deadline-clock loop of the workflows that keep a single clock (catalogue update, a random
 * inspection's results, the disclosure duties): compute → search attributes → record, then per
 * level a durable timer that a completion or new calendar data cuts short. The lifecycle, which
 * keeps many clocks at once, runs them through its clock keeper (`lifecycle/workflow/clocks.ts`);
 * both take every instant from the one clock table through an activity.
 */
export function deadlineClock<TClock extends TClockInstants>(
  hooks: TDeadlineClockHooks<TClock>,
): TDeadlineClock<TClock> {
  const levels = hooks.levels ?? ([0, 1, 2] as const);
  const last = levels[levels.length - 1]!;
  let clock: TClock | null = null;
  let level = -1;
  let recompute = false;

  const set = async (): Promise<TClock> => {
    const computed = await hooks.compute();
    clock = computed;
    // Visible in the Temporal UI, and how `calendar import` finds the runs to signal.
    upsertSearchAttributes([
      { key: saProvisionalDeadline, value: computed.provisional },
      { key: saDeadlineAt, value: new Date(computed.dueAt) },
    ]);
    await hooks.onSet(computed);
    return computed;
  };

  return {
    get clock() {
      return clock;
    },
    get level() {
      return level;
    },
    calendarUpdated() {
      if (clock?.provisional) recompute = true;
    },
    async runUntil(isDone) {
      let current = await set();
      while (!isDone() && level < last) {
        const next = levels.find((l) => l > level)!;
        const at = instantOf(current, next);
        // Workflow Date.now() is the deterministic workflow time, so this replays identically.
        const wait = Date.parse(at) - Date.now();
        if (wait > 0) await condition(() => isDone() || recompute, wait);
        if (isDone()) break;
        if (recompute) {
          recompute = false;
          current = await set();
          continue;
        }
        await hooks.onStep(next, current, at);
        level = next;
      }
      await condition(isDone);
      return { clock: current, level };
    },
  };
}
