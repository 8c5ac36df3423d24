import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';
import {
  clockRules,
  escalationText,
  levelAudience,
  workingDaysOf,
  type TClockLevel,
} from '@sanxiang/shared/src/clocks';
import type { TClockKind, TEscalationNotified } from '@sanxiang/shared/src/contracts';
import type { TComputeClockInput, TComputedClock } from '../activities';
import { instantOf } from '../../clocks/workflow/deadline-clock';
import type { TClockState, TLifecycleState } from './state';

/** Statutory periods in working days, from the one clock table (packages/shared/src/clocks). */
export const clockWorkingDays: Record<TClockKind, number> = {
  evidenceUpload: workingDaysOf('evidenceUpload'),
  legalReview: workingDaysOf('legalReview'),
  disclosure: workingDaysOf('disclosure'),
  randomInspectionDisclosure: workingDaysOf('randomInspectionDisclosure'),
};

export type TLevel = TClockLevel;

export const clockIds = {
  evidence: (activityId: string) => `evidenceUpload:${activityId}`,
  review: (round: number) => `legalReview:${round}`,
  disclosure: (cycle: number) => `disclosure:${cycle}`,
};

export const instantFor = (clock: TClockState, level: TLevel): string => instantOf(clock, level);

/** Level 0 reminds whoever does the work; 1 goes to the head of their unit; 2 to the agency head. */
export const notifiedFor = (clock: TClockState, level: TLevel): TEscalationNotified =>
  level === 0
    ? {
        audience: levelAudience[0],
        roles: [clockRules[clock.kind].assignee.role],
        userIds: clock.assigneeIds,
      }
    : { audience: levelAudience[level], roles: ['head'], userIds: [] };

export const levelText = escalationText;

/** Staff-facing (Chinese) reason stored with the escalation. */
export const reasonFor = (clock: TClockState, level: TLevel): string => {
  const days = (kind: TClockKind) => clockWorkingDays[kind];
  const subject: Record<TClockKind, string> = {
    evidenceUpload: `执法活动 ${clock.activityId ?? ''} 的执法记录应于活动结束后 ${days('evidenceUpload')} 个工作日内上传`,
    legalReview: `法制审核第 ${clock.round ?? ''} 轮应于收到完整送审材料后 ${days('legalReview')} 个工作日内完成`,
    disclosure: `执法决定（第 ${clock.cycle ?? ''} 次）应于作出之日起 ${days('disclosure')} 个工作日内公示`,
    randomInspectionDisclosure: `随机抽查结果应于抽查结束后 ${days('randomInspectionDisclosure')} 个工作日内公示`,
  };
  return `${subject[clock.kind]}（截止 ${clock.dueDate}）：${levelText[level]}`;
};

export interface TClockSpec {
  id: string;
  kind: TClockKind;
  startAt: string;
  round?: number;
  cycle?: number;
  activityId?: string;
  assigneeIds: string[];
}

export interface TClockKeeperContext {
  state: TLifecycleState;
  computeClock: (input: TComputeClockInput) => Promise<TComputedClock>;
  /** A step of a clock came due (its `level` is already set). */
  onFire: (clock: TClockState, level: TLevel) => void;
  /** Clocks were opened, closed, paused or recomputed. */
  onChange: () => void;
  /** A clock run started (or its instants were recomputed), paused or stopped. */
  onEvent?: (type: TClockEventType, clock: TClockState) => void;
}

export type TClockEventType = 'started' | 'paused' | 'stopped';

const sleepUntil = async (instant: string): Promise<void> => {
  // Workflow Date.now() is the deterministic workflow time, so this replays identically.
  const ms = Date.parse(instant) - Date.now();
  if (ms > 0) await sleep(ms);
};

/**
 * Deadline clocks: one timer chain per running clock (remind → escalate → escalate again), all
 * instants from the `computeClock` activity. The clocks themselves live in `state.clocks`, so they
 * survive continue-as-new; `resumeAll` restarts their timers in a new run without re-firing steps.
 */
export function createClockKeeper(ctx: TClockKeeperContext) {
  const { state } = ctx;
  const scopes = new Map<string, CancellationScope>();
  /** Clock id → token of the computation in flight; a pause/close/newer open invalidates it. */
  const pendingOpen = new Map<string, number>();
  let tokens = 0;

  const find = (id: string): TClockState | undefined => state.clocks.find((c) => c.id === id);

  const stopTimers = (id: string): void => {
    scopes.get(id)?.cancel();
    scopes.delete(id);
  };

  const isCurrent = (id: string, generation: number): TClockState | undefined => {
    const clock = find(id);
    return clock && clock.generation === generation && clock.status === 'running' ? clock : undefined;
  };

  const spawn = (clock: TClockState): void => {
    stopTimers(clock.id);
    const scope = new CancellationScope();
    scopes.set(clock.id, scope);
    const { id, generation } = clock;
    scope
      .run(async () => {
        for (const level of [0, 1, 2] as const) {
          const before = isCurrent(id, generation);
          if (!before) return;
          if (before.level >= level) continue;
          await sleepUntil(instantFor(before, level));
          const now = isCurrent(id, generation);
          if (!now) return;
          now.level = level;
          ctx.onFire(now, level);
        }
      })
      .catch((err: unknown) => {
        if (!isCancellation(err)) throw err;
      });
  };

  return {
    find,

    /** Computes and starts a clock (replacing one with the same id) unless `stillWanted` says no. */
    async open(spec: TClockSpec, stillWanted: () => boolean): Promise<void> {
      const token = ++tokens;
      pendingOpen.set(spec.id, token);
      const workingDays = clockWorkingDays[spec.kind];
      const computed = await ctx.computeClock({ kind: spec.kind, startAt: spec.startAt, workingDays });
      if (pendingOpen.get(spec.id) !== token) return;
      pendingOpen.delete(spec.id);
      if (!stillWanted()) return;
      const previous = find(spec.id);
      const clock: TClockState = {
        ...spec,
        ...computed,
        workingDays,
        status: 'running',
        level: -1,
        generation: (previous?.generation ?? 0) + 1,
      };
      state.clocks = [...state.clocks.filter((c) => c.id !== spec.id), clock];
      spawn(clock);
      // A count restarted (after missing materials) is a new run: the previous one ends.
      if (previous && previous.startAt !== clock.startAt) ctx.onEvent?.('stopped', previous);
      ctx.onEvent?.('started', clock);
      ctx.onChange();
    },

    /** Stops a clock for good (the work was done); returns its last state. */
    close(id: string): TClockState | undefined {
      pendingOpen.delete(id);
      stopTimers(id);
      const clock = find(id);
      if (clock) {
        state.clocks = state.clocks.filter((c) => c.id !== id);
        ctx.onEvent?.('stopped', clock);
        ctx.onChange();
      }
      return clock;
    },

    /** Stops the count but keeps the clock visible (e.g. review materials requested). */
    pause(id: string): void {
      pendingOpen.delete(id);
      stopTimers(id);
      const clock = find(id);
      if (clock && clock.status === 'running') {
        clock.status = 'paused';
        clock.generation += 1;
        ctx.onEvent?.('paused', clock);
        ctx.onChange();
      }
    },

    /** After new calendar data: recompute provisional running clocks; steps already fired stay fired. */
    async recomputeProvisional(): Promise<void> {
      const targets = state.clocks.filter((c) => c.status === 'running' && c.provisional);
      await Promise.all(
        targets.map(async (target) => {
          const { id, generation } = target;
          const computed = await ctx.computeClock({
            kind: target.kind,
            startAt: target.startAt,
            workingDays: target.workingDays,
          });
          const clock = isCurrent(id, generation);
          if (!clock || pendingOpen.has(id)) return; // stopped, paused or restarted meanwhile
          const dueBefore = clock.dueAt;
          Object.assign(clock, computed, { generation: generation + 1 });
          spawn(clock);
          if (clock.dueAt !== dueBefore) ctx.onEvent?.('started', clock);
        }),
      );
      ctx.onChange();
    },

    /** In a new run (after continue-as-new): restart the timers of running clocks. */
    resumeAll(): void {
      for (const clock of state.clocks) if (clock.status === 'running') spawn(clock);
    },
  };
}

export type TClockKeeper = ReturnType<typeof createClockKeeper>;
