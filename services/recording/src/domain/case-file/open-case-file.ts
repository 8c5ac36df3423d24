import { AppError, forbidden, lifecycleWorkflowId } from '@sanxiang/shared';
import { type TOpenCaseFile, ZOpenCaseFile } from '@sanxiang/shared/src/contracts';
import { appendAuditEvent } from '../../data-access/audit-trail';
import { createCaseFile, findCaseIdOf } from '../../data-access/case-file-repository';
import { enqueueLifecycleMessage } from '../../data-access/lifecycle-outbox';
import { inIdempotentTransaction } from '../../data-access/transaction';
import { actorOf, auditContext, type TCallContext } from '../call-context';
import { loadCaseFile } from '../access/case-access';
import { requireCertifiedOfficers } from './certified-officers';
import { caseFileView } from './case-file-views';
import type { TRecordingDeps } from '../recording-deps';

// The request schema is a shared contract: the staff console validates its form with it too.
export { ZOpenCaseFile, type TOpenCaseFile };

export async function openCaseFile(deps: TRecordingDeps, ctx: TCallContext, input: TOpenCaseFile) {
  if (!input.officers.some((o) => o.userId === ctx.principal.id)) {
    throw forbidden('立案人须是本案执法人员之一（执法人员名单中须包含本人）');
  }
  await requireCertifiedOfficers(deps.directory, {
    at: new Date(),
    category: input.enforcementCategory,
    area: input.enforcementArea,
    officerIds: input.officers.map((o) => o.userId),
    what: '立案',
  });
  const unitId = await openingUnit(deps, ctx);
  const answer = await inIdempotentTransaction(deps.db, ctx.idempotency, async (tx) => {
    if (await findCaseIdOf(tx, input.caseNumber)) {
      throw new AppError('conflict', `案号 ${input.caseNumber} 已立案`, {
        fields: [{ path: 'body.caseNumber', message: '该案号已立案' }],
      });
    }
    const openedAt = new Date();
    const created = await createCaseFile(tx, {
      caseNumber: input.caseNumber,
      title: input.title,
      handlingUnit: input.handlingUnit,
      unitId,
      enforcementCategory: input.enforcementCategory,
      enforcementArea: input.enforcementArea,
      partyKind: input.party.kind,
      partyName: input.party.name,
      partyIdNumber: input.party.idNumber ?? null,
      partyLegalRepresentative: input.party.legalRepresentative ?? null,
      partyIsMinor: input.party.isMinor,
      openedById: ctx.principal.id,
      openedByName: ctx.principal.name,
      openedAt,
      lifecycleWorkflowId: lifecycleWorkflowId(input.caseNumber),
      officers: { create: input.officers },
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
  const file = await loadCaseFile(deps.db, input.caseNumber, 'system');
  return { status: answer.status, body: caseFileView(file) };
}

/**
 * The unit that handles the case: the opening officer's (the token's `unit`, else the directory's
 * record of them). Authorisation by unit reads it (docs/authorization.md).
 */
async function openingUnit(deps: TRecordingDeps, ctx: TCallContext): Promise<string> {
  if (ctx.principal.unitId) return ctx.principal.unitId;
  const person = await deps.directory.person(ctx.principal.id);
  if (!person?.active) throw forbidden('人员目录中查无立案人所在机构，不能立案');
  return person.unitId;
}
