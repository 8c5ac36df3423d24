import { ZDisclosureApproved } from '@sanxiang/shared/src/contracts';
import type { Lifecycle } from '../../lifecycle';
import { parseSignal } from '../../parse-messages';
import { iso } from '../../time';
import { pendingDisclosureCycle } from './pending-disclosure';

/**
 * 公示: the disclosure service reviewed and approved the record; the disclosure stage then publishes
 * it (stages/disclosure-stage.ts), which stops the 7-working-day clock.
 */
export function onDisclosureApproved(lc: Lifecycle, raw: unknown): void {
  const p = parseSignal(lc.ports.warn, ZDisclosureApproved, raw, 'disclosureApproved');
  if (!p) return;
  const cycle = pendingDisclosureCycle(lc, p, 'disclosureApproved');
  if (!cycle) return;
  cycle.disclosureId = p.disclosureId;
  cycle.approvedAt ??= iso(p.approvedAt);
}
