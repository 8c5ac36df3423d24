import { ZDisclosureExempted } from '@sanxiang/shared/src/contracts';
import type { Lifecycle } from '../../lifecycle';
import { parseSignal } from '../../parse-messages';
import { iso } from '../../time';
import { pendingDisclosureCycle } from './pending-disclosure';

/** `patched()` id of ending the disclosure stage on an approved non-publication (#13 item 2). */
export const NON_PUBLICATION_PATCH = 'non-publication-decided';

/**
 * 不予公开, decided like a publication (#13 item 2: 003 (三), 004 §10, §16): the disclosure service
 * checked the non-publication and its head approved it; the disclosure stage stops the publication
 * clock and ends the case `exempt` (stages/disclosure-stage.ts).
 */
export function onDisclosureExempted(lc: Lifecycle, raw: unknown): void {
  const p = parseSignal(lc.ports.warn, ZDisclosureExempted, raw, 'disclosureExempted');
  if (!p) return;
  const cycle = pendingDisclosureCycle(lc, p, 'disclosureExempted', (c) => c.approvedAt === undefined);
  if (!cycle) return;
  cycle.disclosureId = p.disclosureId;
  cycle.exempted ??= {
    reason: p.reason,
    explanation: p.explanation,
    at: iso(p.at),
    exemptedBy: p.exemptedBy,
  };
}
