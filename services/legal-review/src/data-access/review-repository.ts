import type { TReader, TTransaction } from '@sanxiang/shared';
import type { TReviewWithRelations } from '../domain/review/review-views';
import { reviewInclude } from '../domain/review/review-views';
import type { Prisma } from '../generated/prisma/client';
import { prismaOf } from './prisma-client';
import {
  buildAttentionQuery,
  buildQueueQuery,
  type TAttentionRowRaw,
  type TQueueFilter,
  type TQueueRowRaw,
} from './review-queue-query';

// Reads take a `TReader` (the database or a transaction); writes the caller's transaction.

export async function findReviewWithRelations(db: TReader, id: string): Promise<TReviewWithRelations | null> {
  return prismaOf(db).review.findUnique({ where: { id }, include: reviewInclude });
}

export async function findCaseRounds(db: TReader, caseNumber: string): Promise<TReviewWithRelations[]> {
  return prismaOf(db).review.findMany({
    where: { caseNumber },
    orderBy: { round: 'asc' },
    include: reviewInclude,
  });
}

export async function listQueue(db: TReader, filter: TQueueFilter): Promise<TQueueRowRaw[]> {
  const { text, values } = buildQueueQuery(filter);
  return prismaOf(db).$queryRawUnsafe<TQueueRowRaw[]>(text, ...values);
}

export async function listAttention(
  db: TReader,
  filter: Parameters<typeof buildAttentionQuery>[0],
): Promise<TAttentionRowRaw[]> {
  const { text, values } = buildAttentionQuery(filter);
  return prismaOf(db).$queryRawUnsafe<TAttentionRowRaw[]>(text, ...values);
}

/** Whether the reviewer declared a conflict of interest in any round of the case (审核办法 §17). */
export async function findRecusal(db: TReader, caseNumber: string, reviewerId: string) {
  return prismaOf(db).recusal.findUnique({ where: { caseNumber_reviewerId: { caseNumber, reviewerId } } });
}

export const createRecusal = (tx: TTransaction, data: Prisma.RecusalUncheckedCreateInput) =>
  prismaOf(tx).recusal.create({ data });

// Reviews.

export const findReview = (db: TReader, id: string) => prismaOf(db).review.findUnique({ where: { id } });

/** Who the review is assigned to (null fields: nobody yet). */
export const findReviewAssignment = (db: TReader, id: string) =>
  prismaOf(db).review.findUnique({
    where: { id },
    select: { id: true, assigneeId: true, assigneeName: true },
  });

/** Who may not review the case: its case number and handlers. */
export const findReviewHandlers = (db: TReader, id: string) =>
  prismaOf(db).review.findUnique({ where: { id }, select: { caseNumber: true, handlerIds: true } });

export const findRoundOfCase = (db: TReader, caseNumber: string, round: number) =>
  prismaOf(db).review.findUnique({
    where: { caseNumber_round: { caseNumber, round } },
    select: { id: true, receivedAt: true },
  });

/** The latest round of the case before `round`. */
export const findPreviousRound = (db: TReader, caseNumber: string, round: number) =>
  prismaOf(db).review.findFirst({
    where: { caseNumber, round: { lt: round } },
    orderBy: { round: 'desc' },
    select: { id: true, status: true, round: true },
  });

/** A new round with its submission materials (nested in `data`). */
export const createReview = (tx: TTransaction, data: Prisma.ReviewUncheckedCreateInput) =>
  prismaOf(tx).review.create({ data, select: { id: true } });

export const updateReview = (tx: TTransaction, id: string, data: Prisma.ReviewUncheckedUpdateInput) =>
  prismaOf(tx).review.update({ where: { id }, data });

/** Open reviews whose due date was counted without the year's calendar data (at most `batch`). */
export const listProvisionalReviewIds = (db: TReader, batch: number) =>
  prismaOf(db).review.findMany({
    where: { dueProvisional: true, status: { in: ['pending', 'inReview'] } },
    select: { id: true },
    take: batch,
  });

// Materials.

export const createReviewMaterials = (tx: TTransaction, data: Prisma.ReviewMaterialCreateManyInput[]) =>
  prismaOf(tx).reviewMaterial.createMany({ data });

export const listReviewMaterialKinds = (db: TReader, reviewId: string) =>
  prismaOf(db).reviewMaterial.findMany({ where: { reviewId }, select: { kind: true } });

export const findMaterialRequest = (db: TReader, reviewId: string, id: string) =>
  prismaOf(db).materialRequest.findFirst({ where: { id, reviewId } });

/** The latest unanswered material request of the review, if any. */
export const findOpenMaterialRequest = (db: TReader, reviewId: string) =>
  prismaOf(db).materialRequest.findFirst({ where: { reviewId, receivedAt: null }, orderBy: { seq: 'desc' } });

export const countMaterialRequests = (db: TReader, reviewId: string) =>
  prismaOf(db).materialRequest.count({ where: { reviewId } });

export const createMaterialRequest = (tx: TTransaction, data: Prisma.MaterialRequestUncheckedCreateInput) =>
  prismaOf(tx).materialRequest.create({ data });

export const updateMaterialRequest = (
  tx: TTransaction,
  id: string,
  data: Prisma.MaterialRequestUncheckedUpdateInput,
) => prismaOf(tx).materialRequest.update({ where: { id }, data });

// Findings, consultations.

export const listFindings = (db: TReader, reviewId: string) =>
  prismaOf(db).finding.findMany({ where: { reviewId } });

/** Writes the answer to one review point (created on first answer). */
export const saveFinding = (
  tx: TTransaction,
  key: { reviewId: string; point: Prisma.FindingUncheckedCreateInput['point'] },
  data: Omit<Prisma.FindingUncheckedCreateInput, 'reviewId' | 'point'>,
) =>
  prismaOf(tx).finding.upsert({
    where: { reviewId_point: key },
    create: { ...key, ...data },
    update: data,
  });

export const createExpertConsultation = (
  tx: TTransaction,
  data: Prisma.ExpertConsultationUncheckedCreateInput,
) => prismaOf(tx).expertConsultation.create({ data });

// Opinions, disagreements.

export const findOpinionOfReview = (db: TReader, reviewId: string) =>
  prismaOf(db).opinion.findUnique({ where: { reviewId }, select: { id: true, issuedAt: true } });

export const createOpinion = (tx: TTransaction, data: Prisma.OpinionUncheckedCreateInput) =>
  prismaOf(tx).opinion.create({ data });

export const findOpenDisagreement = (db: TReader, reviewId: string) =>
  prismaOf(db).disagreement.findFirst({ where: { reviewId, resolvedAt: null } });

export const findDisagreement = (db: TReader, reviewId: string, id: string) =>
  prismaOf(db).disagreement.findFirst({ where: { id, reviewId } });

export const createDisagreement = (tx: TTransaction, data: Prisma.DisagreementUncheckedCreateInput) =>
  prismaOf(tx).disagreement.create({ data });

export const updateDisagreement = (
  tx: TTransaction,
  id: string,
  data: Prisma.DisagreementUncheckedUpdateInput,
) => prismaOf(tx).disagreement.update({ where: { id }, data });
