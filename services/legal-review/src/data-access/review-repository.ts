import type { TReviewWithRelations } from '../domain/review/review-views';
import { reviewInclude } from '../domain/review/review-views';
import type { TDb } from './prisma-client';
import {
  buildAttentionQuery,
  buildQueueQuery,
  type TAttentionRowRaw,
  type TQueueFilter,
  type TQueueRowRaw,
} from './review-queue-query';
import type { TTx } from './transaction';

type TClient = TDb | TTx;

export async function findReviewWithRelations(db: TClient, id: string): Promise<TReviewWithRelations | null> {
  return db.review.findUnique({ where: { id }, include: reviewInclude });
}

export async function findCaseRounds(db: TClient, caseNumber: string): Promise<TReviewWithRelations[]> {
  return db.review.findMany({ where: { caseNumber }, orderBy: { round: 'asc' }, include: reviewInclude });
}

export async function listQueue(db: TDb, filter: TQueueFilter): Promise<TQueueRowRaw[]> {
  const { text, values } = buildQueueQuery(filter);
  return db.$queryRawUnsafe<TQueueRowRaw[]>(text, ...values);
}

export async function listAttention(
  db: TDb,
  filter: Parameters<typeof buildAttentionQuery>[0],
): Promise<TAttentionRowRaw[]> {
  const { text, values } = buildAttentionQuery(filter);
  return db.$queryRawUnsafe<TAttentionRowRaw[]>(text, ...values);
}

/** Whether the reviewer declared a conflict of interest in any round of the case (审核办法 §17). */
export async function findRecusal(db: TClient, caseNumber: string, reviewerId: string) {
  return db.recusal.findUnique({ where: { caseNumber_reviewerId: { caseNumber, reviewerId } } });
}
