import { AppError, forbidden, type TPrincipal } from '@sanxiang/shared';
import type { TDb, TTx } from '../../data-access/prisma-client';

/**
 * Who may do what with a case file (docs/recording.md §Roles):
 * - its officers (role officer, listed on the case) open, record, upload, close;
 * - heads (负责人) approve, and read every case; reviewers (法制审核人员) read every case;
 * - anyone else reads a case's evidence only with an approved, unexpired access request (记录规定 §19).
 */

export type TCaseFileWithOfficers = NonNullable<Awaited<ReturnType<typeof findCaseFile>>>;

const findCaseFile = (db: TDb | TTx, caseNumber: string) =>
  db.caseFile.findUnique({ where: { caseNumber }, include: { officers: true } });

export async function loadCaseFile(db: TDb | TTx, caseNumber: string): Promise<TCaseFileWithOfficers> {
  const file = await findCaseFile(db, caseNumber);
  if (!file) throw new AppError('notFound', `案卷 ${caseNumber} 不存在`);
  return file;
}

/** Locks the case row for the rest of the transaction (serialises filing into one case). */
export async function lockCaseFile(tx: TTx, caseNumber: string): Promise<TCaseFileWithOfficers> {
  await tx.$executeRaw`SELECT 1 FROM "CaseFile" WHERE "caseNumber" = ${caseNumber} FOR UPDATE`;
  return loadCaseFile(tx, caseNumber);
}

export const isCaseOfficer = (principal: TPrincipal, file: TCaseFileWithOfficers) =>
  principal.roles.includes('officer') && file.officers.some((o) => o.userId === principal.id);

export function requireCaseOfficer(principal: TPrincipal, file: TCaseFileWithOfficers, what: string): void {
  if (!isCaseOfficer(principal, file)) throw forbidden(`仅本案执法人员可以${what}`);
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
export type TReadBasis = 'caseOfficer' | 'head' | 'reviewer' | `accessRequest:${string}`;

/**
 * The basis on which `principal` may read the case file (or the given evidence), or a 403 that says
 * how to get access.
 */
export async function requireReadAccess(
  db: TDb | TTx,
  principal: TPrincipal,
  file: TCaseFileWithOfficers,
  evidenceId?: string,
): Promise<TReadBasis> {
  if (isCaseOfficer(principal, file)) return 'caseOfficer';
  if (principal.roles.includes('head')) return 'head';
  if (principal.roles.includes('reviewer')) return 'reviewer';
  const grants = await db.accessRequest.findMany({
    where: { caseId: file.id, requesterId: principal.id, status: 'approved', expiresAt: { gt: new Date() } },
    orderBy: { decidedAt: 'desc' },
  });
  const grant = grants.find(
    (g) => g.evidenceIds.length === 0 || (evidenceId !== undefined && g.evidenceIds.includes(evidenceId)),
  );
  if (grant) return `accessRequest:${grant.id}`;
  throw forbidden(
    '超出本人权限调阅本案材料，须经负责人批准：请先提交调阅申请（`POST /cases/{caseNumber}/access-requests`）',
  );
}
