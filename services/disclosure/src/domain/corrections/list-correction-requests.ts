import { fromDateColumn } from '@sanxiang/shared/src/calendar';
import { z } from 'zod';
import { AppError } from '@sanxiang/shared';
import type { CorrectionRequest } from '../../generated/prisma/client';
import type { TDb } from '../../data-access/prisma-client';
import { correctionOutcomeLabel, type TCorrectionRequestView } from './correction-request';
import { labelOf } from '../labels';

export const ZListCorrectionRequestsQuery = z.strictObject({
  status: z.enum(['open', 'answered']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** What staff see of the record a request is about (its document number, not its id). */
export const correctionSubjectSelect = {
  select: { documentNumber: true, title: true, caseNumber: true },
} as const;
type TCorrectionRow = CorrectionRequest & {
  disclosure: { documentNumber: string | null; title: string; caseNumber: string | null };
};

export const toCorrectionRequestView = (r: TCorrectionRow, today: string): TCorrectionRequestView => ({
  id: r.id,
  trackingNumber: r.trackingNumber,
  disclosureId: r.disclosureId,
  documentNumber: r.disclosure.documentNumber,
  disclosureTitle: r.disclosure.title,
  caseNumber: r.disclosure.caseNumber,
  requesterName: r.requesterName,
  requesterKind: r.requesterKind as TCorrectionRequestView['requesterKind'],
  contactPhone: r.contactPhone,
  contactEmail: r.contactEmail,
  description: r.description,
  evidence: r.evidence,
  status: r.status as TCorrectionRequestView['status'],
  receivedAt: r.receivedAt.toISOString(),
  dueDate: fromDateColumn(r.dueDate),
  dueProvisional: r.dueProvisional,
  overdue: r.status === 'open' && fromDateColumn(r.dueDate) < today,
  outcome: r.outcome as TCorrectionRequestView['outcome'],
  answer: r.answer,
  answeredBy: r.answeredBy,
  answeredAt: r.answeredAt?.toISOString() ?? null,
  correctionVersion: r.correctionVersion,
});

/** The staff queue: open requests first, earliest deadline first. */
export async function listCorrectionRequests(
  db: TDb,
  q: z.infer<typeof ZListCorrectionRequestsQuery>,
  today: string,
) {
  const where = {
    ...(q.status ? { status: q.status } : {}),
    ...(q.overdue === 'true'
      ? { status: 'open' as const, dueDate: { lt: new Date(`${today}T00:00:00Z`) } }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.correctionRequest.findMany({
      where,
      orderBy: [{ status: 'asc' }, { dueDate: 'asc' }, { receivedAt: 'asc' }],
      include: { disclosure: correctionSubjectSelect },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.correctionRequest.count({ where }),
  ]);
  return {
    items: rows.map((r) => toCorrectionRequestView(r, today)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getCorrectionRequest(db: TDb, id: string, today: string) {
  const r = await db.correctionRequest.findUnique({
    where: { id },
    include: { disclosure: correctionSubjectSelect },
  });
  if (!r) throw new AppError('notFound', '更正申请不存在');
  return toCorrectionRequestView(r, today);
}

/** What the requester sees with the tracking number: progress and answer, no contact details. */
export async function getCorrectionRequestStatus(db: TDb, trackingNumber: string) {
  const r = await db.correctionRequest.findUnique({
    where: { trackingNumber },
    include: { disclosure: { select: { documentNumber: true } } },
  });
  if (!r) throw new AppError('notFound', '未找到该受理编号的更正申请');
  return {
    trackingNumber: r.trackingNumber,
    documentNumber: r.disclosure.documentNumber,
    status: r.status,
    statusLabel: r.status === 'open' ? '办理中' : '已答复',
    receivedAt: r.receivedAt.toISOString(),
    dueDate: fromDateColumn(r.dueDate),
    outcome: r.outcome,
    outcomeLabel: r.outcome ? labelOf(correctionOutcomeLabel, r.outcome) : null,
    answer: r.answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
  };
}
export type TCorrectionRequestStatus = Awaited<ReturnType<typeof getCorrectionRequestStatus>>;
