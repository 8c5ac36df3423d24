import { AppError, type TReader } from '@sanxiang/shared';
import { listAudioVisualEvidence } from '../../data-access/evidence-repository';
import { listAudioVisualExemptions, listHeadApprovals } from '../../data-access/record-repository';
import type { TEnforcementPolicy } from '../policy/enforcement-policy';
import type { TActivityKind } from '../records/activity-kinds';

/**
 * 音视频记录 (记录规定 §13–§14, 001 二(二)3). An activity requires A/V when the rules list it —
 * sampling and evidence preservation always, a mass incident or a party who does not cooperate
 * (flagged when it starts, or a refusal to cooperate filed for it) — or when the agency's
 * 音像记录事项清单 lists its kind, unless the agency lists the kind as one a text record suffices
 * for (never overriding the statutory cases).
 */
export const statutoryAudioVisualKinds: ReadonlySet<TActivityKind> = new Set([
  'sampling',
  'evidencePreservation',
]);

export function audioVisualRequired(
  policy: TEnforcementPolicy,
  kind: TActivityKind,
  flagged: boolean,
): boolean {
  if (flagged || statutoryAudioVisualKinds.has(kind)) return true;
  if (policy.audioVisual.textSufficesActivityKinds.includes(kind)) return false;
  return policy.audioVisual.requiredActivityKinds.includes(kind);
}

export const audioVisualRuleName = '应当进行音视频记录的执法活动须有音视频记录（记录规定第十四条）';

type TActivityRow = { id: string; title: string; kind: string };

/**
 * The activities among `activities` that required A/V and have neither an audio/video evidence file
 * nor a reason for its absence approved by a head (未进行音视频记录的理由 + 负责人审批).
 */
export async function activitiesLackingAudioVisual(
  db: TReader,
  caseId: string,
  activities: readonly TActivityRow[],
): Promise<TActivityRow[]> {
  if (activities.length === 0) return [];
  const ids = activities.map((a) => a.id);
  const [media, exemptions, approvals] = await Promise.all([
    listAudioVisualEvidence(db, caseId, ids),
    listAudioVisualExemptions(db, caseId, ids),
    listHeadApprovals(db, caseId),
  ]);
  const recorded = new Set(media.map((m) => m.activityId));
  // The latest head decision on each exemption reason counts.
  const decided = new Map<string, boolean>();
  for (const a of approvals) {
    const c = a.content as { subject?: string; relatedRecordId?: string; approved?: boolean };
    if (c.subject === 'audioVisualExemption' && c.relatedRecordId)
      decided.set(c.relatedRecordId, c.approved === true);
  }
  const exempt = new Set(
    exemptions.filter((e) => decided.get(e.id) === true).map((e) => e.activityId as string),
  );
  return activities.filter((a) => !recorded.has(a.id) && !exempt.has(a.id));
}

/** 422 naming the rule and every activity still without A/V. */
export function audioVisualMissing(what: string, lacking: readonly TActivityRow[]): AppError {
  const names = lacking.map((a) => `“${a.title}”`).join('、');
  return new AppError(
    'unprocessable',
    `${audioVisualRuleName}：${names}没有音视频记录，也没有经负责人批准的未记录理由，不能${what}`,
    { extra: { rule: 'audioVisualMandatory', activityIds: lacking.map((a) => a.id) } },
  );
}
