import {
  AppError,
  forbidden,
  type TDatabase,
  type TPrincipal,
  type TReader,
  type TTransaction,
} from '@sanxiang/shared';
import { listActiveGrants, findLatestRequestOf } from '../../data-access/access-request-repository';
import { recordAuditEvent, type TAuditContext } from '../../data-access/audit-trail';
import {
  findCaseFile as findCaseFileRow,
  findLegalReviewTransition,
  lockCaseFileRow,
} from '../../data-access/case-file-repository';
import { findLegalReviewOpinion } from '../../data-access/record-repository';

/**
 * Who may do what with a case file (docs/authorization.md, docs/recording.md §Roles):
 * - its officers (role officer, listed on the case) open, record, upload, close;
 * - officers of the case's unit (执法承办机构) read it; the unit's head (or a deputy, role head in that
 *   unit) reads it and approves (负责人审批) — a head of another unit does not;
 * - a head of the agency's leadership (分管负责人: role head in a unit of kind `leadership`) reads
 *   the cases of every unit, and approves none of them;
 * - reviewers (法制审核人员) read only cases submitted to legal review;
 * - anyone else reads only with an approved, unexpired, unrevoked access request (记录规定 §19).
 * A case out of the caller's reach answers 404 exactly like a case that does not exist, so case
 * numbers cannot be enumerated; refused reads are written to the audit trail with who, what and why.
 */

export type TCaseFileWithOfficers = NonNullable<Awaited<ReturnType<typeof findCaseFile>>>;

/**
 * A staff caller as recording sees them: the token's principal, and whether they head the agency's
 * leadership (set when the token is verified, from the directory; see app.ts).
 */
export type TStaffPrincipal = TPrincipal & { agencyHead?: boolean };

/** A staff caller (authorised by unit and role) or the service's own machine callers. */
export type TCaller = TStaffPrincipal | 'system';

/** A head of the agency's leadership (分管负责人): reads the cases of every unit. */
export const isAgencyHead = (principal: TStaffPrincipal) =>
  principal.roles.includes('head') && principal.agencyHead === true;

export const findCaseFile = (db: TReader, caseNumber: string) => findCaseFileRow(db, caseNumber);

export const caseNotFound = (caseNumber: string) => new AppError('notFound', `案卷 ${caseNumber} 不存在`);

/** The case file, or 404 when it does not exist or is out of the caller's reach. */
export async function loadCaseFile(
  db: TReader,
  caseNumber: string,
  caller: TCaller,
): Promise<TCaseFileWithOfficers> {
  const file = await findCaseFile(db, caseNumber);
  if (!file) throw caseNotFound(caseNumber);
  if (caller !== 'system' && !(await readBasisOf(db, caller, file, 'any'))) throw caseNotFound(caseNumber);
  return file;
}

/** Locks the case row for the rest of the transaction (serialises filing into one case). */
export async function lockCaseFile(
  tx: TTransaction,
  caseNumber: string,
  caller: TCaller,
): Promise<TCaseFileWithOfficers> {
  await lockCaseFileRow(tx, caseNumber);
  return loadCaseFile(tx, caseNumber, caller);
}

export const isCaseOfficer = (principal: TPrincipal, file: TCaseFileWithOfficers) =>
  principal.roles.includes('officer') && file.officers.some((o) => o.userId === principal.id);

/** A head (负责人, head or deputy) of the unit handling the case. */
export const isUnitHead = (principal: TPrincipal, file: { unitId: string | null }) =>
  principal.roles.includes('head') && file.unitId !== null && principal.unitId === file.unitId;

export function requireCaseOfficer(principal: TPrincipal, file: TCaseFileWithOfficers, what: string): void {
  if (!isCaseOfficer(principal, file)) throw forbidden(`仅本案执法人员可以${what}`);
}

export function requireUnitHead(principal: TPrincipal, file: TCaseFileWithOfficers, what: string): void {
  if (!isUnitHead(principal, file)) throw forbidden(`仅本案承办机构的负责人可以${what}`);
}

export function requireOpen(file: TCaseFileWithOfficers): void {
  if (file.status !== 'open') {
    throw new AppError(
      'conflict',
      `案卷 ${file.caseNumber} 已${file.status === 'archived' ? '归档' : '结案'}，不能再登记记录或上传证据`,
      {
        extra: { caseStatus: file.status },
      },
    );
  }
}

/** Why a reader may read: the audit trail records the basis of every view and download. */
export type TReadBasis =
  'caseOfficer' | 'unitOfficer' | 'unitHead' | 'agencyHead' | 'reviewer' | `accessRequest:${string}`;

/**
 * The case went to legal review (the workflow reported the stage, or the office filed an opinion into
 * it): the office may read it.
 */
async function submittedToLegalReview(db: TReader, caseId: string): Promise<boolean> {
  const [transition, opinion] = await Promise.all([
    findLegalReviewTransition(db, caseId),
    findLegalReviewOpinion(db, caseId),
  ]);
  return transition !== null || opinion !== null;
}

/**
 * The basis on which `principal` may read the whole case file (or, with `evidenceId`, that evidence
 * file; with `'any'`, anything of it), or undefined. A grant limited to some evidence files reaches
 * those files only.
 */
export async function readBasisOf(
  db: TReader,
  principal: TPrincipal,
  file: TCaseFileWithOfficers,
  evidenceId?: string | 'any',
): Promise<TReadBasis | undefined> {
  if (isCaseOfficer(principal, file)) return 'caseOfficer';
  if (isUnitHead(principal, file)) return 'unitHead';
  if (principal.roles.includes('officer') && file.unitId !== null && principal.unitId === file.unitId)
    return 'unitOfficer';
  if (isAgencyHead(principal)) return 'agencyHead';
  if (principal.roles.includes('reviewer') && (await submittedToLegalReview(db, file.id))) return 'reviewer';
  const grants = await listActiveGrants(db, file.id, principal.id);
  const grant = grants.find(
    (g) =>
      g.evidenceIds.length === 0 ||
      evidenceId === 'any' ||
      (evidenceId !== undefined && g.evidenceIds.includes(evidenceId)),
  );
  return grant ? `accessRequest:${grant.id}` : undefined;
}

/** Why a read was refused, for the audit trail. */
async function refusalReason(db: TDatabase, principal: TPrincipal, caseId: string) {
  const last = await findLatestRequestOf(db, caseId, principal.id);
  if (!last) return { reason: 'noBasis' };
  const grant = { accessRequestId: last.id };
  if (last.status === 'revoked') return { reason: 'grantRevoked', ...grant };
  if (last.status === 'refused') return { reason: 'grantRefused', ...grant };
  if (last.status === 'pending') return { reason: 'grantPending', ...grant };
  if (last.expiresAt && last.expiresAt <= new Date()) return { reason: 'grantExpired', ...grant };
  return { reason: 'outsideGrant', ...grant };
}

export interface TReadAttempt {
  principal: TPrincipal;
  /** `caseFile.view`, `evidence.download`…: what the caller tried to read. */
  what: string;
  evidenceId?: string;
  actor: { id: string; name: string };
  context: TAuditContext;
  userAgent?: string | undefined;
}

/** Writes the refusal into the audit trail (who, what, why) and returns the 404 to throw. */
export async function refuseRead(
  db: TDatabase,
  attempt: TReadAttempt,
  target: { caseNumber?: string; caseId?: string | null; notFound?: AppError },
): Promise<AppError> {
  const why = target.caseId
    ? await refusalReason(db, attempt.principal, target.caseId)
    : { reason: 'notFound' };
  await recordAuditEvent(db, {
    actor: attempt.actor,
    action: attempt.evidenceId ? 'evidence.readRefused' : 'caseFile.readRefused',
    subject: attempt.evidenceId ? `evidence:${attempt.evidenceId}` : `caseNumber:${target.caseNumber}`,
    caseId: target.caseId ?? null,
    details: {
      what: attempt.what,
      caseNumber: target.caseNumber ?? null,
      roles: attempt.principal.roles,
      unitId: attempt.principal.unitId ?? null,
      userAgent: attempt.userAgent ?? null,
      ...why,
    },
    context: attempt.context,
  });
  return target.notFound ?? caseNotFound(target.caseNumber ?? '');
}

/**
 * The case file and the basis on which the caller reads it; otherwise an audited refusal answered
 * as 404 (the same answer as for a case that does not exist).
 */
export async function requireReadAccess(
  db: TDatabase,
  attempt: TReadAttempt,
  caseNumber: string,
): Promise<{ file: TCaseFileWithOfficers; basis: TReadBasis }> {
  const file = await findCaseFile(db, caseNumber);
  const basis = file ? await readBasisOf(db, attempt.principal, file, attempt.evidenceId) : undefined;
  if (!file || !basis) throw await refuseRead(db, attempt, { caseNumber, caseId: file?.id ?? null });
  return { file, basis };
}
