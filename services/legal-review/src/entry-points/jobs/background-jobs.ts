import type { TDomainDeps } from '../../domain/deps';
import type { TOutboxDispatcher } from '../../domain/lifecycle/deliver-outbox';
import { recomputeProvisionalDeadlines } from '../../domain/review/recompute-provisional-deadlines';

export interface TBackgroundJobsOptions {
  /** Outbox retry poll; new messages are delivered right after their commit anyway. Default 5 s. */
  outboxIntervalMs?: number;
  /** Provisional due dates, after calendar data is imported. Default 1 h. */
  recomputeIntervalMs?: number;
}

/**
 * The service's timers: outbox retries and the recomputation
 * of provisional due dates (late materials are escalated by their duty clock, not a sweep). Several instances may run: every job claims rows under locks.
 */
export function startBackgroundJobs(
  deps: TDomainDeps,
  outbox: TOutboxDispatcher,
  options: TBackgroundJobsOptions = {},
): { stop: () => Promise<void> } {
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, name: string, job: () => Promise<unknown>) => {
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      job()
        .catch((err: unknown) => deps.logger.error({ err, job: name }, 'background job failed'))
        .finally(() => {
          busy = false;
        });
    };
    const timer = setInterval(tick, ms);
    timer.unref();
    timers.push(timer);
    tick();
  };
  outbox.start(options.outboxIntervalMs ?? 5_000);
  every(options.recomputeIntervalMs ?? 3_600_000, 'recomputeProvisionalDeadlines', () =>
    recomputeProvisionalDeadlines(deps),
  );
  return {
    async stop() {
      for (const t of timers) clearInterval(t);
      await outbox.stop();
    },
  };
}
