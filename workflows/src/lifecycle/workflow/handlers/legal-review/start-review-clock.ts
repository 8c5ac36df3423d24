import { clockIds } from '../../clocks';
import type { Lifecycle } from '../../lifecycle';
import type { TReviewRound } from '../../state';

/**
 * Where the 10-working-day legal-review clock (审核办法 §9) starts: at the receipt of complete
 * materials — the intake's `receivedAt`, or the latest receipt of requested materials, from which
 * the count restarts. Nothing happens while materials are awaited (paused) or once the round has
 * its opinion; a clock already running from the same instant is left alone.
 */
export async function startReviewClock(lc: Lifecycle, round: TReviewRound): Promise<void> {
  if (!round.receivedAt || lc.openRound() !== round || lc.isPaused(round)) return;
  const last = round.materialRequests[round.materialRequests.length - 1];
  const startAt = last?.receivedAt ?? round.receivedAt;
  const id = clockIds.review(round.round);
  const existing = lc.clocks.find(id);
  if (existing && existing.status === 'running' && existing.startAt === startAt) return;
  await lc.clocks.open(
    { id, kind: 'legalReview', startAt, round: round.round, cycle: round.cycle, assigneeIds: [] },
    () => lc.openRound() === round && !lc.isPaused(round),
  );
}
