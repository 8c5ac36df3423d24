import { ZDecisionServed } from '@sanxiang/shared/src/contracts';
import type { Lifecycle } from '../../lifecycle';
import { parseSignal } from '../../parse-messages';
import { iso } from '../../time';

/** 送达: recorded in its cycle; it does not hold up disclosure. */
export function onDecisionServed(lc: Lifecycle, raw: unknown): void {
  const p = parseSignal(lc.ports.warn, ZDecisionServed, raw, 'decisionServed');
  if (!p) return;
  const cycle = lc.state.cycles.find((c) => c.cycle === p.cycle);
  if (!cycle?.decision)
    return void lc.warn('Ignoring decisionServed: no decision in that cycle', { cycle: p.cycle });
  cycle.servedAt = iso(p.servedAt);
}
