import { z } from 'zod';
import {
  AppError,
  ZCaseNumber,
  ZCaseOfficer,
  ZPartyKind,
  forbidden,
  lifecycleWorkflowId,
} from '@sanxiang/shared';
import { appendAuditEvent } from '../../data-access/audit-trail';
import { runIdempotent } from '../../data-access/idempotency-store';
import { enqueueLifecycleMessage } from '../../data-access/lifecycle-outbox';
import { actorOf, auditContext, idempotencyOf, type TCallContext } from '../call-context';
import { loadCaseFile } from '../access/case-access';
import { requireCertifiedOfficers } from './certified-officers';
import { caseFileView } from './case-file-views';
import type { TRecordingDeps } from '../recording-deps';

/** 立案: open a case file with its party and at least two certified officers, start its lifecycle. */
export const ZOpenCaseFile = z
  .object({
    caseNumber: ZCaseNumber, // 案号
    title: z.string().trim().min(1).max(200), // 案由
    handlingUnit: z.string().trim().min(1).max(200), // 执法承办机构
    enforcementCategory: z.string().trim().min(1).max(64), // 执法类别, e.g. 劳动保障监察
    enforcementArea: z.string().trim().min(1).max(64), // 执法区域, e.g. 常州市新北区
    party: z.object({
      kind: ZPartyKind, // 自然人 / 法人 / 其他组织
      name: z.string().trim().min(1).max(200),
      idNumber: z.string().trim().min(1).max(32).optional(), // 身份证号或统一社会信用代码
      isMinor: z.boolean().default(false), // 未成年人: never published (不予公开)
    }),
    officers: z.array(ZCaseOfficer).min(2, '案件须有至少两名持证执法人员').max(20),
  })
  .superRefine((v, ctx) => {
    if (new Set(v.officers.map((o) => o.userId)).size !== v.officers.length)
      ctx.addIssue({ code: 'custom', path: ['officers'], message: '执法人员不得重复' });
    if (new Set(v.officers.map((o) => o.certificateNumber)).size !== v.officers.length)
      ctx.addIssue({ code: 'custom', path: ['officers'], message: '执法证号不得重复' });
    if (v.party.isMinor && v.party.kind !== 'naturalPerson')
      ctx.addIssue({ code: 'custom', path: ['party', 'isMinor'], message: '只有自然人可以是未成年人' });
  });
export type TOpenCaseFile = z.infer<typeof ZOpenCaseFile>;

export async function openCaseFile(deps: TRecordingDeps, ctx: TCallContext, input: TOpenCaseFile) {
  if (!input.officers.some((o) => o.userId === ctx.principal.id)) {
    throw forbidden('立案人须是本案执法人员之一（officers 中须包含本人）');
  }
  await requireCertifiedOfficers(deps.directory, {
    at: new Date(),
    category: input.enforcementCategory,
    area: input.enforcementArea,
    officerIds: input.officers.map((o) => o.userId),
    what: '立案',
  });
  const answer = await runIdempotent(deps.db, idempotencyOf(ctx, input), async (tx) => {
    if (await tx.caseFile.findUnique({ where: { caseNumber: input.caseNumber }, select: { id: true } })) {
      throw new AppError('conflict', `案号 ${input.caseNumber} 已立案`, {
        fields: [{ path: 'body.caseNumber', message: 'already exists' }],
      });
    }
    const openedAt = new Date();
    const created = await tx.caseFile.create({
      data: {
        caseNumber: input.caseNumber,
        title: input.title,
        handlingUnit: input.handlingUnit,
        enforcementCategory: input.enforcementCategory,
        enforcementArea: input.enforcementArea,
        partyKind: input.party.kind,
        partyName: input.party.name,
        partyIdNumber: input.party.idNumber ?? null,
        partyIsMinor: input.party.isMinor,
        openedById: ctx.principal.id,
        openedByName: ctx.principal.name,
        openedAt,
        lifecycleWorkflowId: lifecycleWorkflowId(input.caseNumber),
        officers: { create: input.officers },
      },
    });
    await appendAuditEvent(tx, {
      actor: actorOf(ctx),
      action: 'caseFile.opened',
      subject: `case:${created.id}`,
      caseId: created.id,
      details: { caseNumber: input.caseNumber, officers: input.officers.map((o) => o.userId) },
      context: auditContext(ctx),
    });
    await enqueueLifecycleMessage(tx, created.id, {
      kind: 'start',
      name: 'start',
      payload: {
        caseNumber: input.caseNumber,
        title: input.title,
        party: { kind: input.party.kind, name: input.party.name },
        openedBy: ctx.principal.id,
        openedAt: openedAt.toISOString(),
      },
    });
    return { status: 201, body: { caseId: created.id } };
  });
  const { caseId } = answer.body as { caseId: string };
  await deps.outbox.deliver(caseId);
  const file = await loadCaseFile(deps.db, input.caseNumber);
  return { status: answer.status, body: caseFileView(file) };
}
