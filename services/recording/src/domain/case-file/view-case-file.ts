import { z } from 'zod';
import { ZRecordKind, type TPrincipal } from '@sanxiang/shared';
import { recordAuditEvent } from '../../data-access/audit-trail';
import { listCaseFilesInReach } from '../../data-access/case-file-repository';
import { loadCaseFileContents } from '../../data-access/case-file-contents';
import { listRecordsOfCase } from '../../data-access/record-repository';
import { actorOf, auditContext, readAttemptOf, type TCallContext } from '../call-context';
import { isAgencyHead, requireReadAccess } from '../access/case-access';
import {
  activityView,
  caseFileView,
  escalationView,
  evidenceView,
  recordView,
  stageTransitionView,
} from './case-file-views';
import type { TRecordingDeps } from '../recording-deps';

/** The case file as its readers see it: records, activities, evidence list, escalations, stages. */
export async function viewCaseFile(deps: TRecordingDeps, ctx: TCallContext, caseNumber: string) {
  const { file, basis } = await requireReadAccess(deps.db, readAttemptOf(ctx, 'caseFile.view'), caseNumber);
  const { records, activities, evidence, escalations, transitions } = await loadCaseFileContents(
    deps.db,
    file.id,
  );
  await recordAuditEvent(deps.db, {
    actor: actorOf(ctx),
    action: 'caseFile.viewed',
    subject: `case:${file.id}`,
    caseId: file.id,
    details: { basis, userAgent: ctx.userAgent ?? null },
    context: auditContext(ctx),
  });
  return {
    ...caseFileView(file),
    records: records.map(recordView),
    activities: activities.map((a) => activityView(a, records)),
    evidence: evidence.map(evidenceView),
    escalations: escalations.map(escalationView),
    stageTransitions: transitions.map(stageTransitionView),
  };
}

export const ZListRecordsQuery = z.object({ kind: ZRecordKind.optional() });

/** The records of a case, optionally of one kind, in filing order. */
export async function listRecords(
  deps: TRecordingDeps,
  ctx: TCallContext,
  caseNumber: string,
  kind?: string,
) {
  const { file } = await requireReadAccess(deps.db, readAttemptOf(ctx, 'records.list'), caseNumber);
  const rows = await listRecordsOfCase(deps.db, file.id, kind);
  return rows.map(recordView);
}

/**
 * Cases in the caller's reach (access/case-access.ts), newest first: their own, their unit's
 * (officers and heads), those submitted to legal review (reviewers), those they hold a grant for.
 */
export const ZListCaseFilesQuery = z.object({
  /** Part of a case number or of the party's name. */
  q: z.string().trim().min(1).max(100).optional(),
});

export async function listCaseFiles(
  deps: TRecordingDeps,
  principal: TPrincipal,
  query: z.infer<typeof ZListCaseFilesQuery> = {},
) {
  const { roles, unitId } = principal;
  const files = await listCaseFilesInReach(deps.db, {
    // A head of the agency's leadership reads every unit's cases.
    everyCase: isAgencyHead(principal),
    officerId: roles.includes('officer') ? principal.id : undefined,
    unitId: unitId && (roles.includes('officer') || roles.includes('head')) ? unitId : undefined,
    reviewer: roles.includes('reviewer'),
    requesterId: principal.id,
    q: query.q,
  });
  return files.map(caseFileView);
}
