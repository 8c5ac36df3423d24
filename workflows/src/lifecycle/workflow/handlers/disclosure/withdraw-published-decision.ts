import { ZDisclosureWithdrawn } from '@sanxiang/shared/src/contracts';
import type { Lifecycle } from '../../lifecycle';
import { parseSignal } from '../../parse-messages';
import { iso } from '../../time';

/**
 * Where a published decision is withdrawn (撤下, signal `disclosureWithdrawn` from the disclosure
 * service): taken down with an explanation, the case ends `withdrawn` — unless the decision is to be
 * redone (重新作出), which opens a new decision cycle at `proposal`, with its own disclosure (and,
 * for a major case, a new legal-review round).
 */
export function onDisclosureWithdrawn(lc: Lifecycle, raw: unknown): void {
  const p = parseSignal(lc.ports.warn, ZDisclosureWithdrawn, raw, 'disclosureWithdrawn');
  if (!p) return;
  const { state } = lc;
  const cycle = lc.currentCycle();
  if (
    state.stage !== 'published' ||
    lc.expiring ||
    p.cycle !== cycle.cycle ||
    p.disclosureId !== cycle.disclosureId
  ) {
    return void lc.warn('Ignoring disclosureWithdrawn: not the current publication', { cycle: p.cycle });
  }
  cycle.withdrawn = {
    reason: p.reason,
    explanation: p.explanation,
    at: iso(p.at),
    withdrawnBy: p.withdrawnBy,
  };
  lc.setStage('withdrawn', `${p.reason}：${p.explanation}`);
  if (p.reason === 'toBeRedone') {
    state.cycle += 1;
    state.cycles.push({ cycle: state.cycle });
    state.continuedForPublication = false;
    lc.setStage('proposal', `重新作出（第 ${state.cycle} 次决定）`);
  }
}
