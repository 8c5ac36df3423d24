import { ZReviewMaterialsReceived } from '@sanxiang/shared/src/contracts';
import type { Lifecycle } from '../../lifecycle';
import { parseSignal } from '../../parse-messages';
import { iso } from '../../time';
import { startReviewClock } from './start-review-clock';

/** The requested materials arrived: the 10 working days count again from this receipt. */
export async function onReviewMaterialsReceived(lc: Lifecycle, raw: unknown): Promise<void> {
  const p = parseSignal(lc.ports.warn, ZReviewMaterialsReceived, raw, 'reviewMaterialsReceived');
  if (!p) return;
  const round = lc.openRound();
  const last = round?.materialRequests[round.materialRequests.length - 1];
  if (!round || round.round !== p.round || !last || last.receivedAt) {
    return void lc.warn('Ignoring reviewMaterialsReceived: no open request in that round', {
      round: p.round,
    });
  }
  last.receivedAt = iso(p.receivedAt);
  await startReviewClock(lc, round);
}
