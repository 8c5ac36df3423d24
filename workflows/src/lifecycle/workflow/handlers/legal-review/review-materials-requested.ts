import { ZReviewMaterialsRequested } from '@sanxiang/shared/src/contracts';
import { clockIds } from '../../clocks';
import type { Lifecycle } from '../../lifecycle';
import { parseSignal } from '../../parse-messages';
import { iso } from '../../time';

/** 法制审核: the office asked for missing materials by a set date — the review clock pauses. */
export function onReviewMaterialsRequested(lc: Lifecycle, raw: unknown): void {
  const p = parseSignal(lc.ports.warn, ZReviewMaterialsRequested, raw, 'reviewMaterialsRequested');
  if (!p) return;
  const round = lc.openRound();
  if (!round || round.round !== p.round)
    return void lc.warn('Ignoring reviewMaterialsRequested: not the open round', { round: p.round });
  round.materialRequests.push({ requestedAt: iso(p.requestedAt), dueDate: p.dueDate, missing: p.missing });
  lc.clocks.pause(clockIds.review(round.round));
}
