import { ZDecisionRevoked } from '@sanxiang/shared/src/contracts';
import type { Lifecycle } from '../../lifecycle';
import { parseSignal } from '../../parse-messages';
import { iso } from '../../time';

/**
 * `patched()` id of stopping a pending disclosure when its decision is revoked before publication
 * (#13 item 6). Runs from before it ignored the signal (it had no handler), and their histories
 * replay so: the handler asks the patch first.
 */
export const REVOKED_BEFORE_PUBLICATION_PATCH = 'revoked-before-publication';

/**
 * 撤销 / 确认违法 / 责令重新作出 recorded in the case file before the decision was published (003 (六),
 * 004 §14): the disclosure stage stops the publication clock, has the disclosure service end the
 * pending record with the explanation, and closes the case (or, to be redone, opens a new decision
 * cycle) — stages/disclosure-stage.ts. Once the decision is approved for publication or published,
 * the signal changes nothing here: the withdrawal is requested, checked and approved in the
 * disclosure service (#13 item 9).
 */
export function onDecisionRevoked(lc: Lifecycle, raw: unknown): void {
  if (!lc.ports.patched(REVOKED_BEFORE_PUBLICATION_PATCH)) return;
  const p = parseSignal(lc.ports.warn, ZDecisionRevoked, raw, 'decisionRevoked');
  if (!p) return;
  const cycle = lc.currentCycle();
  if (
    lc.state.stage !== 'disclosure' ||
    p.cycle !== cycle.cycle ||
    cycle.approvedAt !== undefined ||
    cycle.exempted !== undefined
  ) {
    return void lc.warn('Ignoring decisionRevoked: no disclosure pending before publication', {
      cycle: p.cycle,
      stage: lc.state.stage,
    });
  }
  cycle.revoked ??= {
    reason: p.reason,
    explanation: p.explanation,
    document: p.document,
    at: iso(p.at),
    recordedBy: p.recordedBy,
    recordId: p.recordId,
  };
}
