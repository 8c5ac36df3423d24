import { ZEvidenceUploaded } from '@sanxiang/shared/src/contracts';
import { clockIds } from '../../clocks';
import type { Lifecycle } from '../../lifecycle';
import { parseSignal } from '../../parse-messages';

/** The activity's records reached the designated store: its upload clock closes. */
export function onEvidenceUploaded(lc: Lifecycle, raw: unknown): void {
  const p = parseSignal(lc.ports.warn, ZEvidenceUploaded, raw, 'evidenceUploaded');
  if (!p) return;
  const { state } = lc;
  if (!state.uploadedActivityIds.includes(p.activityId)) state.uploadedActivityIds.push(p.activityId);
  const before = state.openEvidence.length;
  state.openEvidence = state.openEvidence.filter((e) => e.activityId !== p.activityId);
  if (state.openEvidence.length !== before) lc.clocks.close(clockIds.evidence(p.activityId));
}
