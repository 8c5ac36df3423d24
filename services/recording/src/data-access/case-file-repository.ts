import type { TReader, TTransaction } from '@sanxiang/shared';
import type { Prisma } from '../generated/prisma/client';
import { prismaOf } from './prisma-client';

// Reads take a `TReader` (the database or a transaction); writes the caller's transaction.

/** The case file with its officers, by case number (null when there is none). */
export const findCaseFile = (db: TReader, caseNumber: string) =>
  prismaOf(db).caseFile.findUnique({ where: { caseNumber }, include: { officers: true } });

/** The case file with its officers, by id (the row must exist). */
export const getCaseFileById = (db: TReader, id: string) =>
  prismaOf(db).caseFile.findUniqueOrThrow({ where: { id }, include: { officers: true } });

/** The case number of a case id (the row must exist). */
export const getCaseNumberOf = (db: TReader, id: string) =>
  prismaOf(db).caseFile.findUniqueOrThrow({ where: { id }, select: { caseNumber: true } });

/** The id of a case number, or null. */
export const findCaseIdOf = (db: TReader, caseNumber: string) =>
  prismaOf(db).caseFile.findUnique({ where: { caseNumber }, select: { id: true } });

/** What an activity's certificate check needs of its case: category, area, officers. */
export const findCaseScope = (db: TReader, caseNumber: string) =>
  prismaOf(db).caseFile.findUnique({
    where: { caseNumber },
    select: { enforcementCategory: true, enforcementArea: true, officers: { select: { userId: true } } },
  });

/** Locks the case row for the rest of the transaction (serialises filing into one case). */
export async function lockCaseFileRow(tx: TTransaction, caseNumber: string): Promise<void> {
  await prismaOf(tx).$executeRaw`SELECT 1 FROM "CaseFile" WHERE "caseNumber" = ${caseNumber} FOR UPDATE`;
}

/** A new case file with its officers (nested in `data`). */
export const createCaseFile = (tx: TTransaction, data: Prisma.CaseFileUncheckedCreateInput) =>
  prismaOf(tx).caseFile.create({ data });

export const updateCaseFile = (tx: TTransaction, id: string, data: Prisma.CaseFileUncheckedUpdateInput) =>
  prismaOf(tx).caseFile.update({ where: { id }, data });

/** Who a staff list shows a case to (docs/authorization.md): see `listCaseFilesInReach`. */
export interface TCaseReach {
  /** A head of the agency's leadership: every case. */
  everyCase: boolean;
  /** An officer: the cases they are listed on. */
  officerId?: string | undefined;
  /** An officer or head of a unit: the unit's cases. */
  unitId?: string | undefined;
  /** A reviewer: the cases submitted to legal review (stage reached, or an opinion filed). */
  reviewer: boolean;
  /** Everyone: the cases they hold an approved, unexpired grant for. */
  requesterId: string;
  /** Part of a case number or of the party's name. */
  q?: string | undefined;
}

/** The cases in reach, newest first, at most 200. */
export function listCaseFilesInReach(db: TReader, reach: TCaseReach) {
  const or: Prisma.CaseFileWhereInput[] = [
    ...(reach.everyCase ? [{}] : []),
    ...(reach.officerId ? [{ officers: { some: { userId: reach.officerId } } }] : []),
    ...(reach.unitId ? [{ unitId: reach.unitId }] : []),
    ...(reach.reviewer
      ? [
          { stageTransitions: { some: { to: 'legalReview' } } },
          { records: { some: { kind: 'legalReviewOpinion' } } },
        ]
      : []),
    {
      accessRequests: {
        some: { requesterId: reach.requesterId, status: 'approved', expiresAt: { gt: new Date() } },
      },
    },
  ];
  return prismaOf(db).caseFile.findMany({
    where: {
      AND: [
        { OR: or },
        ...(reach.q
          ? [{ OR: [{ caseNumber: { contains: reach.q } }, { partyName: { contains: reach.q } }] }]
          : []),
      ],
    },
    include: { officers: true },
    orderBy: { openedAt: 'desc' },
    take: 200,
  });
}

/**
 * The open cases of a unit at the decision stage, oldest first (at most 500), with their officers,
 * the latest arrival at the decision stage, and the collective discussion, head approval and
 * legal-review opinion records in filing order.
 */
export const listCasesAtDecision = (db: TReader, unitId: string) =>
  prismaOf(db).caseFile.findMany({
    where: { unitId, status: 'open', stage: 'decision' },
    include: {
      officers: true,
      stageTransitions: { where: { to: 'decision' }, orderBy: { at: 'desc' }, take: 1 },
      records: {
        where: { kind: { in: ['collectiveDiscussion', 'headApproval', 'legalReviewOpinion'] } },
        orderBy: { seq: 'asc' },
      },
    },
    orderBy: { openedAt: 'asc' },
    take: 500,
  });

// Stage transitions and escalations (the lifecycle's reports).

/** The case went to legal review (the workflow reported the stage). */
export const findLegalReviewTransition = (db: TReader, caseId: string) =>
  prismaOf(db).stageTransition.findFirst({ where: { caseId, to: 'legalReview' }, select: { id: true } });

export const findStageTransition = (
  db: TReader,
  key: { caseId: string; workflowId: string; from: string; to: string; at: Date },
) => prismaOf(db).stageTransition.findUnique({ where: { caseId_workflowId_from_to_at: key } });

export const createStageTransition = (tx: TTransaction, data: Prisma.StageTransitionUncheckedCreateInput) =>
  prismaOf(tx).stageTransition.create({ data });

/** The case's latest transition (by the instant, then by arrival). */
export const findLatestStageTransition = (db: TReader, caseId: string) =>
  prismaOf(db).stageTransition.findFirst({
    where: { caseId },
    orderBy: [{ at: 'desc' }, { receivedAt: 'desc' }],
  });

/** An escalation by its natural key (clock, level, due instant). */
export const findEscalation = (
  db: TReader,
  key: { caseId: string; clockId: string; level: number; dueAt: Date },
) => prismaOf(db).escalation.findUnique({ where: { caseId_clockId_level_dueAt: key } });

export const createEscalation = (tx: TTransaction, data: Prisma.EscalationUncheckedCreateInput) =>
  prismaOf(tx).escalation.create({ data });
