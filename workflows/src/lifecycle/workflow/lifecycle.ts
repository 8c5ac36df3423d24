import type { TCaseStage } from '@sanxiang/shared/src/domain';
import type { TEscalationNotified } from '@sanxiang/shared/src/contracts';
import { instantFor, notifiedFor, reasonFor, type TClockEventType, type TLevel } from './clocks';
import { CLOCK_EVENTS_PATCH, clockEventInput, notifyInput, NOTIFY_PEOPLE_PATCH } from './notify-people';
import type { TClocks, TLifecyclePorts } from './ports';
import { searchAttributeUpdates, type TCaseSearchValues } from './search-attributes';
import type { TClockState, TDecisionCycle, TLifecycleState, TOutboxItem, TReviewRound } from './state';

/**
 * One case's lifecycle in one workflow run: the carried state (`state`, plain JSON) and the
 * operations every handler and stage step shares — stage changes, the outbox, search attributes,
 * escalations. Holds no Temporal call of its own: everything goes through `ports`, so handlers and
 * stages can be unit-tested with plain functions.
 */
export class Lifecycle {
  /** Set by the wiring (the keeper calls back into this object). */
  clocks!: TClocks;
  /** This run is expiring the publication: a withdrawal can no longer overtake it. */
  expiring = false;
  private lastSearch: TCaseSearchValues | undefined;

  constructor(
    public state: TLifecycleState,
    readonly ports: TLifecyclePorts,
  ) {}

  get caseNumber(): string {
    return this.state.input.caseNumber;
  }

  get workflowId(): string {
    return this.ports.workflowId;
  }

  /** Idempotency key of a step of this case's workflow. */
  key(step: string): string {
    return `${this.ports.workflowId}:${step}`;
  }

  nowIso(): string {
    return new Date(this.ports.nowMs()).toISOString();
  }

  warn(message: string, attributes?: Record<string, unknown>): void {
    this.ports.warn(message, attributes);
  }

  currentRound(): TReviewRound | undefined {
    return this.state.rounds[this.state.rounds.length - 1];
  }

  currentCycle(): TDecisionCycle {
    const cycle = this.state.cycles.find((c) => c.cycle === this.state.cycle);
    if (!cycle) throw new Error(`cycle ${this.state.cycle} missing`); // invariant: pushed with the cycle number
    return cycle;
  }

  /** The review round whose opinion is still awaited, if any. */
  openRound(): TReviewRound | undefined {
    const round = this.currentRound();
    return this.state.stage === 'legalReview' && round && !round.outcome ? round : undefined;
  }

  /** Missing materials were asked for and have not arrived: the review clock stands still. */
  isPaused(round: TReviewRound): boolean {
    const last = round.materialRequests[round.materialRequests.length - 1];
    return last !== undefined && last.receivedAt === undefined;
  }

  enqueue(item: TOutboxItem): void {
    this.state.outbox.push(item);
  }

  /** Moves the case to `to`, queues the transition for the case file and updates search attributes. */
  setStage(to: TCaseStage, note?: string): void {
    const { state } = this;
    const from = state.stage;
    if (from === to) return;
    state.stage = to;
    state.transitionSeq += 1;
    const round = this.currentRound();
    this.enqueue({
      type: 'stageTransition',
      idempotencyKey: this.key(`stage:${state.transitionSeq}`),
      request: {
        workflowId: this.workflowId,
        from,
        to,
        at: this.nowIso(),
        cycle: state.cycle,
        ...(round ? { round: round.round } : {}),
        ...(note ? { note } : {}),
      },
    });
    this.syncSearchAttributes();
  }

  syncSearchAttributes(): void {
    const running = this.state.clocks.filter((c) => c.status === 'running');
    const next: TCaseSearchValues = {
      caseNumber: this.caseNumber,
      stage: this.state.stage,
      deadlineAt: running.map((c) => c.dueAt).sort()[0] ?? null,
      overdue: running.some((c) => c.level >= 1),
      escalationLevel: Math.max(0, ...running.map((c) => c.level)),
      major: this.state.major,
      provisionalDeadline: running.some((c) => c.provisional),
    };
    const pairs = searchAttributeUpdates(next, this.lastSearch);
    if (pairs.length > 0) this.ports.upsertSearchAttributes(pairs);
    this.lastSearch = next;
  }

  /** A level of a clock came due: kept in the status and queued for the case file. */
  onClockFired(clock: TClockState, level: TLevel): void {
    const { state } = this;
    const at = instantFor(clock, level);
    const notified = notifiedFor(clock, level);
    const reason = reasonFor(clock, level);
    state.escalations.push({
      clockId: clock.id,
      kind: clock.kind,
      level,
      notified,
      reason,
      dueAt: clock.dueAt,
      at,
    });
    if (clock.round !== undefined) {
      const round = state.rounds.find((r) => r.round === clock.round);
      if (round) round.maxLevel = Math.max(round.maxLevel, level);
    }
    const escalation = {
      // startAt distinguishes a restarted count (after missing materials) from the first one.
      idempotencyKey: this.key(`escalation:${clock.id}:${clock.startAt}:${level}`),
      request: {
        workflowId: this.workflowId,
        clockId: clock.id,
        clock: clock.kind,
        level,
        notified,
        reason,
        dueAt: clock.dueAt,
        at,
        ...(clock.round !== undefined ? { round: clock.round } : {}),
        ...(clock.cycle !== undefined ? { cycle: clock.cycle } : {}),
        ...(clock.activityId !== undefined ? { activityId: clock.activityId } : {}),
      },
    };
    // Histories from before the notifications service recorded the escalation alone.
    if (this.ports.patched(NOTIFY_PEOPLE_PATCH)) {
      this.enqueue({
        type: 'notifiedEscalation',
        ...escalation,
        notify: notifyInput(this, clock, level, reason, at),
      });
    } else {
      this.enqueue({ type: 'escalation', ...escalation });
    }
    this.syncSearchAttributes();
  }

  /** A clock started, paused or stopped: queued for 我的待办 and the board (runs from before it: nothing). */
  onClockEvent(type: TClockEventType, clock: TClockState): void {
    if (this.ports.patched(CLOCK_EVENTS_PATCH))
      this.enqueue({ type: 'clockEvent', event: clockEventInput(this, type, clock) });
  }

  /** After the people were told: the status query shows who (the case file gets it with the record). */
  noteNotified(clockId: string, level: TLevel, people: NonNullable<TEscalationNotified['people']>): void {
    const entry = this.state.escalations.find((e) => e.clockId === clockId && e.level === level);
    if (entry) entry.notified = { ...entry.notified, userIds: people.map((p) => p.personId), people };
  }

  shouldContinueAsNew(): boolean {
    return this.ports.continueAsNewSuggested();
  }

  /**
   * Let handlers finish (a clock being computed) and the outbox drain: a new run starts with no
   * activity of the old one still in flight (the carried outbox would resend it anyway).
   */
  async continueAsNewNow(): Promise<never> {
    await this.ports.condition(() => this.ports.allHandlersFinished() && this.state.outbox.length === 0);
    return this.ports.continueAsNew(this.state);
  }

  /** Waits until the stage is no longer `stage` (or Temporal suggests continue-as-new). */
  async awaitStageChange(stage: TCaseStage): Promise<void> {
    await this.ports.condition(() => this.state.stage !== stage || this.shouldContinueAsNew());
  }
}
