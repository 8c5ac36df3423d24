import { AppError, formatDateTimeLong, refuseByRule, type TReader } from '@sanxiang/shared';
import { listAudioVisualEvidence, listAudioVisualSpans } from '../../data-access/evidence-repository';
import {
  listAudioVisualExemptions,
  listHeadApprovals,
  listRecordsOfKindForActivities,
} from '../../data-access/record-repository';
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

/**
 * Device clocks and the moment the officer presses record differ by seconds: a junction between
 * two files, or the start and end of the activity, may miss this much without being a gap.
 */
export const continuityToleranceMs = 60_000;

type TSpan = { from: number; until: number };
type TContinuityActivity = TActivityRow & { startedAt: Date; endedAt: Date | null };
export type TContinuityGap = {
  activityId: string;
  title: string;
  from: string;
  until: string;
  /** Files of the activity whose recorded span was not declared (录制起止时间). */
  filesWithoutSpan: string[];
};

const ms = (s: string | Date | null | undefined) => (s ? new Date(s).getTime() : Number.NaN);

/** The parts of [from, until] not covered by `spans` (beyond the tolerance), in order. */
export function uncoveredSpans(from: number, until: number, spans: readonly TSpan[]): TSpan[] {
  const sorted = spans.filter((s) => s.until > s.from).sort((a, b) => a.from - b.from);
  const gaps: TSpan[] = [];
  let reached = from;
  for (const s of sorted) {
    if (s.from - reached > continuityToleranceMs) gaps.push({ from: reached, until: s.from });
    reached = Math.max(reached, s.until);
    if (reached >= until) break;
  }
  if (until - reached > continuityToleranceMs) gaps.push({ from: reached, until });
  return gaps;
}

/**
 * 不间断记录 (记录规定 §13): for each ended activity that required A/V and has A/V files (one with
 * none has a head-approved reason, or the other rule refuses it), the files' recorded spans together
 * cover it from its start to its end; a
 * gap counts as explained when an interruption covers it — the file's own 中断说明 or an
 * `audioVisualInterruption` record of the activity (until it resumed; a permanent one, reported to
 * the head, until the end). Returns the unexplained gaps.
 */
export async function audioVisualGaps(
  db: TReader,
  caseId: string,
  activities: readonly TContinuityActivity[],
): Promise<TContinuityGap[]> {
  const ended = activities.filter((a) => a.endedAt);
  if (ended.length === 0) return [];
  const lacking = new Set((await activitiesLackingAudioVisual(db, caseId, ended)).map((a) => a.id));
  const ids = ended.map((a) => a.id);
  const [media, interruptions] = await Promise.all([
    listAudioVisualSpans(db, caseId, ids),
    listRecordsOfKindForActivities(db, caseId, 'audioVisualInterruption', ids),
  ]);
  const gaps: TContinuityGap[] = [];
  for (const a of ended) {
    // Missing A/V altogether is the other rule's refusal; an approved reason for none covers it all.
    if (lacking.has(a.id)) continue;
    const files = media.filter((m) => m.activityId === a.id);
    if (files.length === 0) continue; // not lacking: a head-approved reason for no A/V

    const end = a.endedAt!.getTime();
    const spans: TSpan[] = [];
    const filesWithoutSpan: string[] = [];
    for (const f of files) {
      if (!f.recordedFrom || !f.recordedUntil) filesWithoutSpan.push(f.fileName);
      else spans.push({ from: f.recordedFrom.getTime(), until: f.recordedUntil.getTime() });
      for (const i of (f.interruptions ?? []) as { interruptedAt: string; resumedAt?: string }[])
        spans.push({ from: ms(i.interruptedAt), until: i.resumedAt ? ms(i.resumedAt) : end });
    }
    for (const r of interruptions.filter((i) => i.activityId === a.id)) {
      const c = r.content as { interruptedAt: string; resumedAt?: string; permanent: boolean };
      spans.push({
        from: ms(c.interruptedAt),
        until: c.resumedAt ? ms(c.resumedAt) : c.permanent ? end : ms(c.interruptedAt),
      });
    }
    for (const g of uncoveredSpans(a.startedAt.getTime(), end, spans))
      gaps.push({
        activityId: a.id,
        title: a.title,
        from: new Date(g.from).toISOString(),
        until: new Date(g.until).toISOString(),
        filesWithoutSpan,
      });
  }
  return gaps;
}

/** 422 naming the rule and each gap in Beijing time. */
export function audioVisualDiscontinuous(what: string, gaps: readonly TContinuityGap[]): AppError {
  const format = formatDateTimeLong;
  const listed = gaps
    .map((g) => {
      const unknown = g.filesWithoutSpan.length
        ? `（${g.filesWithoutSpan.map((f) => `“${f}”`).join('、')}未登记录制起止时间）`
        : '';
      return `“${g.title}”${format(g.from)}至${format(g.until)}${unknown}`;
    })
    .join('；');
  return refuseByRule(
    'audioVisualContinuous',
    `音视频记录应自执法活动开始至结束不间断，中断须有说明：${listed}既没有音视频记录，也没有中断说明，不能${what}`,
    { status: 422, extra: { gaps } },
  );
}
