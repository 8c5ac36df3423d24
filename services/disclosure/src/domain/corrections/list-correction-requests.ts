import { fromDateColumn } from '@sanxiang/shared/src/calendar';
import { z } from 'zod';
import { AppError } from '@sanxiang/shared';
import type { TReader } from '@sanxiang/shared';
import {
  findCorrectionRequest,
  findCorrectionRequestByTrackingNumber,
  listCorrectionRequestPage,
} from '../../data-access/correction-repository';
import type { CorrectionRequest } from '../../data-access/rows';
import { correctionOutcomeLabel, type TCorrectionRequestView } from './correction-request';
import { labelOf } from '../labels';

export const ZListCorrectionRequestsQuery = z.strictObject({
  status: z.enum(['open', 'answered']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

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
  db: TReader,
  q: z.infer<typeof ZListCorrectionRequestsQuery>,
  today: string,
) {
  const [rows, total] = await listCorrectionRequestPage(
    db,
    {
      status: q.status,
      dueBefore: q.overdue === 'true' ? new Date(`${today}T00:00:00Z`) : undefined,
    },
    { skip: (q.page - 1) * q.pageSize, take: q.pageSize },
  );
  return {
    items: rows.map((r) => toCorrectionRequestView(r, today)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getCorrectionRequest(db: TReader, id: string, today: string) {
  const r = await findCorrectionRequest(db, id);
  if (!r) throw new AppError('notFound', '更正申请不存在');
  return toCorrectionRequestView(r, today);
}

/** What the requester sees with the tracking number: progress and answer, no contact details. */
export async function getCorrectionRequestStatus(db: TReader, trackingNumber: string) {
  const r = await findCorrectionRequestByTrackingNumber(db, trackingNumber);
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
