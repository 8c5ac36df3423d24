import { ZEnforcementActivityEnded } from '@sanxiang/shared/src/contracts';
import { clockIds } from '../../clocks';
import type { Lifecycle } from '../../lifecycle';
import { parseSignal } from '../../parse-messages';
import { iso } from '../../time';

/**
 * 执法全过程记录: an enforcement activity ended — its records are uploaded within 2 working days.
 * Opens the `evidenceUpload` clock (any stage, even after the case is closed).
 */
export async function onEnforcementActivityEnded(lc: Lifecycle, raw: unknown): Promise<void> {
  const p = parseSignal(lc.ports.warn, ZEnforcementActivityEnded, raw, 'enforcementActivityEnded');
  if (!p) return;
  const { state } = lc;
  const { activityId } = p;
  // Upload already in (it may overtake the end signal), or a repeated delivery.
  if (state.uploadedActivityIds.includes(activityId)) return;
  if (state.openEvidence.some((e) => e.activityId === activityId)) return;
  const endedAt = iso(p.endedAt);
  state.openEvidence.push({ activityId, endedAt, officerIds: p.officerIds ?? [] });
  await lc.clocks.open(
    {
      id: clockIds.evidence(activityId),
      kind: 'evidenceUpload',
      startAt: endedAt,
      activityId,
      assigneeIds: p.officerIds ?? [],
    },
    () => lc.state.openEvidence.some((e) => e.activityId === activityId),
  );
}
