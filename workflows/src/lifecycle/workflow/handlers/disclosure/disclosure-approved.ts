import { ZDisclosureApproved } from '@sanxiang/shared/src/contracts';
import type { Lifecycle } from '../../lifecycle';
import { parseSignal } from '../../parse-messages';
import { iso } from '../../time';

/**
 * 公示: the disclosure service reviewed and approved the record; the disclosure stage then publishes
 * it (stages/disclosure-stage.ts), which stops the 7-working-day clock.
 */
export function onDisclosureApproved(lc: Lifecycle, raw: unknown): void {
  const p = parseSignal(lc.ports.warn, ZDisclosureApproved, raw, 'disclosureApproved');
  if (!p) return;
  const cycle = lc.currentCycle();
  if (
    lc.state.stage !== 'disclosure' ||
    p.cycle !== cycle.cycle ||
    (cycle.disclosureId && cycle.disclosureId !== p.disclosureId) ||
    cycle.revoked !== undefined
  ) {
    return void lc.warn('Ignoring disclosureApproved: not the pending disclosure', { cycle: p.cycle });
  }
  cycle.disclosureId = p.disclosureId;
  cycle.approvedAt ??= iso(p.approvedAt);
}
