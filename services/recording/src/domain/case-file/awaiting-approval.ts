import { z } from 'zod';
import type { TPrincipal } from '@sanxiang/shared';
import { listCasesAtDecision } from '../../data-access/case-file-repository';
import type { TRecordingDeps } from '../recording-deps';

/** What a case at the decision stage still waits for from its unit's head (记录规定 §10). */
export const ZApprovalStep = z.enum(['collectiveDiscussion', 'headApproval']);
export type TApprovalStep = z.infer<typeof ZApprovalStep>;

export const ZAwaitingApproval = z.object({
  caseNumber: z.string(),
  title: z.string(),
  partyName: z.string(),
  officers: z.array(z.object({ userId: z.string(), name: z.string() })),
  cycle: z.number(),
  /** When the case reached the decision stage (the legal review's 同意), ISO 8601. */
  since: z.string().nullable(),
  /** The legal-review opinion the case reached the decision stage with, if one is on file. */
  reviewOpinion: z.object({ round: z.number().nullable(), outcome: z.string().nullable() }).nullable(),
  /** In the order they happen: 集体讨论, then 负责人审批. */
  waitingFor: z.array(ZApprovalStep),
});
export type TAwaitingApproval = z.infer<typeof ZAwaitingApproval>;

const asObject = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

/**
 * 待我审批: the open cases of the head's unit at the decision stage whose collective discussion
 * record or head's approval of the decision has not been filed since the case reached that stage
 * (a new decision stage, after a resubmission, asks again). A head who is one of the case's
 * officers never approves it (职责分离), so the approval is not theirs to wait for; the discussion
 * may still be. Oldest first.
 */
export async function listAwaitingApproval(
  deps: TRecordingDeps,
  principal: TPrincipal,
): Promise<TAwaitingApproval[]> {
  if (!principal.roles.includes('head') || !principal.unitId) return [];
  const files = await listCasesAtDecision(deps.db, principal.unitId);
  const items = files.map((f) => {
    const since = f.stageTransitions[0]?.at ?? null;
    const current = f.records.filter((r) => !since || r.filedAt >= since);
    const discussed = current.some((r) => r.kind === 'collectiveDiscussion');
    const approved = current.some(
      (r) => r.kind === 'headApproval' && asObject(r.content).subject === 'decision',
    );
    const ownCase = f.officers.some((o) => o.userId === principal.id);
    const waitingFor: TApprovalStep[] = [
      ...(discussed ? [] : (['collectiveDiscussion'] as const)),
      ...(approved || ownCase ? [] : (['headApproval'] as const)),
    ];
    const opinion = f.records.filter((r) => r.kind === 'legalReviewOpinion').at(-1);
    const content = asObject(opinion?.content);
    return {
      caseNumber: f.caseNumber,
      title: f.title,
      partyName: f.partyName,
      officers: f.officers.map((o) => ({ userId: o.userId, name: o.name })),
      cycle: f.cycle,
      since: since ? since.toISOString() : null,
      reviewOpinion: opinion
        ? {
            round: typeof content.round === 'number' ? content.round : null,
            outcome: typeof content.outcome === 'string' ? content.outcome : null,
          }
        : null,
      waitingFor,
    };
  });
  return items
    .filter((i) => i.waitingFor.length > 0)
    .sort((a, b) => (a.since ?? '').localeCompare(b.since ?? ''));
}
