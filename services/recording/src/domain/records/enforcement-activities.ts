import { z } from 'zod';
import { AppError, fieldError, formatDateTimeLong, refuseByRule } from '@sanxiang/shared';
import { ZInstant, lifecycleSignals } from '@sanxiang/shared/src/contracts';
import { appendAuditEvent } from '../../data-access/audit-trail';
import { findCaseScope } from '../../data-access/case-file-repository';
import { enqueueLifecycleMessage } from '../../data-access/lifecycle-outbox';
import {
  createActivity,
  findActivityOfCase,
  listRecordsOfKindForActivities,
  updateActivity,
} from '../../data-access/record-repository';
import { inIdempotentTransaction } from '../../data-access/transaction';
import { actorOf, auditContext, type TCallContext } from '../call-context';
import { lockCaseFile, requireCaseOfficer, requireOpen } from '../access/case-access';
import { activityView } from '../case-file/case-file-views';
import type { TRecordingDeps } from '../recording-deps';
import { requireCertifiedOfficers } from '../case-file/certified-officers';
import { ZActivityKind } from './activity-kinds';
import {
  activitiesLackingAudioVisual,
  audioVisualMissing,
  audioVisualRequired,
} from '../audio-visual/audio-visual-rule';

/**
 * 执法活动: an on-site activity the officers create (a site inspection, an interview, sampling,
 * evidence preservation, service…). Its evidence uploads link to it; its end opens the
 * 2-working-day upload clock in the lifecycle (记录规定 §16), which its first upload closes.
 */
export { ZActivityKind };

export const ZStartActivity = z.object({
  kind: ZActivityKind,
  title: z.string().trim().min(1).max(200),
  place: z.string().trim().min(1).max(200).optional(),
  /** 执法区域 where it takes place; the case's when absent. Checked against the certificates. */
  area: z.string().trim().min(1).max(64).optional(),
  startedAt: ZInstant,
  /** Mass incident or non-cooperation (§14(一)(二)): A/V required. */
  audioVisualRequired: z.boolean().optional(),
});
export type TStartActivity = z.infer<typeof ZStartActivity>;

export async function startEnforcementActivity(
  deps: TRecordingDeps,
  ctx: TCallContext,
  caseNumber: string,
  input: TStartActivity,
) {
  const scope = await findCaseScope(deps.db, caseNumber);
  const area = input.area ?? scope?.enforcementArea ?? undefined;
  // Cases opened before the directory carry no category: they are checked when they have one.
  if (scope?.enforcementCategory && area)
    await requireCertifiedOfficers(deps.directory, {
      at: input.startedAt,
      category: scope.enforcementCategory,
      area,
      officerIds: scope.officers.map((o) => o.userId),
      what: '登记执法活动',
    });
  return inIdempotentTransaction(deps.db, ctx.idempotency, async (tx) => {
    const file = await lockCaseFile(tx, caseNumber, ctx.principal);
    requireCaseOfficer(ctx.principal, file, '登记执法活动');
    requireOpen(file);
    const created = await createActivity(tx, {
      caseId: file.id,
      kind: input.kind,
      title: input.title,
      place: input.place ?? null,
      area: area ?? null,
      startedAt: new Date(input.startedAt),
      audioVisualRequired: audioVisualRequired(deps.policy, input.kind, input.audioVisualRequired === true),
      createdById: ctx.principal.id,
    });
    await appendAuditEvent(tx, {
      actor: actorOf(ctx),
      action: 'activity.started',
      subject: `activity:${created.id}`,
      caseId: file.id,
      details: { kind: input.kind, startedAt: input.startedAt },
      context: auditContext(ctx),
    });
    return { status: 201, body: activityView(created) };
  });
}

export const ZEndActivity = z.object({
  endedAt: ZInstant,
  /**
   * For an activity that required A/V: the officers recorded it and upload it within 2 working days
   * (the upload clock then runs; the proposal checks the files). Without it, an A/V file or a
   * head-approved reason must already be on record.
   */
  audioVisualRecorded: z.boolean().optional(),
});
export type TEndActivity = z.infer<typeof ZEndActivity>;

/** The activity ended: from now its evidence has 2 working days to reach the store. */
export async function endEnforcementActivity(
  deps: TRecordingDeps,
  ctx: TCallContext,
  caseNumber: string,
  activityId: string,
  input: TEndActivity,
) {
  const endedAt = new Date(input.endedAt);
  let caseId = '';
  const answer = await inIdempotentTransaction(deps.db, ctx.idempotency, async (tx) => {
    const file = await lockCaseFile(tx, caseNumber, ctx.principal);
    caseId = file.id;
    requireCaseOfficer(ctx.principal, file, '结束执法活动');
    const activity = await findActivityOfCase(tx, file.id, activityId);
    if (!activity) throw new AppError('notFound', '执法活动不存在或不属于本案');
    if (activity.endedAt) {
      if (activity.endedAt.getTime() === endedAt.getTime())
        return { status: 200, body: activityView(activity) };
      throw new AppError('conflict', `该执法活动已于 ${formatDateTimeLong(activity.endedAt)} 结束`);
    }
    // 出示执法证件 (000 §10, 004 §5, 记录规定 §9(一)): the officers showed their certificates in it.
    const shown = await listRecordsOfKindForActivities(tx, file.id, 'certificateShown', [activity.id]);
    if (shown.length === 0)
      throw refuseByRule(
        'certificateShown',
        `执法活动“${activity.title}”没有出示执法证件的记录（出示时间、执法人员姓名及执法证号），不能结束；请先登记“出示执法证件”记录并指明该执法活动`,
        { status: 422, extra: { activityId: activity.id } },
      );
    if (activity.audioVisualRequired && input.audioVisualRecorded !== true) {
      const lacking = await activitiesLackingAudioVisual(tx, file.id, [activity]);
      if (lacking.length > 0) throw audioVisualMissing('结束该执法活动', lacking);
    }
    if (endedAt < activity.startedAt) {
      throw new AppError('validation', '结束时间早于开始时间', {
        fields: [fieldError('body.endedAt', '早于开始时间')],
      });
    }
    const updated = await updateActivity(tx, activity.id, { endedAt, endedById: ctx.principal.id });
    await appendAuditEvent(tx, {
      actor: actorOf(ctx),
      action: 'activity.ended',
      subject: `activity:${activity.id}`,
      caseId: file.id,
      details: { endedAt: endedAt.toISOString() },
      context: auditContext(ctx),
    });
    await enqueueLifecycleMessage(tx, file.id, {
      kind: 'signal',
      name: lifecycleSignals.enforcementActivityEnded,
      payload: {
        activityId: activity.id,
        endedAt: endedAt.toISOString(),
        officerIds: file.officers.map((o) => o.userId),
      },
    });
    return { status: 200, body: activityView(updated, shown) };
  });
  if (caseId && !answer.replayed) await deps.outbox.deliver(caseId);
  return answer;
}
