import { randomBytes } from 'node:crypto';
import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { AppError } from '@sanxiang/shared';
import { writeAudit } from '../../data-access/audit-log';
import { createCorrectionRequest } from '../../data-access/correction-repository';
import { findDisclosure } from '../../data-access/disclosure-repository';
import { findShownDecision } from '../../data-access/public-decision-repository';
import type { TCommandContext } from '../../data-access/unit-of-work';
import { startDutyClock } from '../duty-clocks';
import {
  CORRECTION_HANDLING_WORKING_DAYS,
  newTrackingNumber,
  type TCorrectionRequestInput,
} from './correction-request';

/**
 * A citizen or organisation with evidence asks for a correction (003 §(七), 004 §17): the request
 * enters the staff queue with a handling deadline; the requester gets a tracking number to follow
 * it and read the answer. Only decisions currently on the platform can be the subject.
 */
export async function submitCorrectionRequest(
  ctx: TCommandContext,
  input: TCorrectionRequestInput,
  calendar: WorkingDayCalendar,
) {
  const { tx, actor, now } = ctx;
  const shown = await findShownDecision(tx, input.decisionId);
  if (!shown || shown.state !== 'published') {
    throw new AppError('notFound', '未找到该公示信息，或该信息已撤下，无法申请更正');
  }
  const due = calendar.addWorkingDays(calendar.dateInShanghai(now), CORRECTION_HANDLING_WORKING_DAYS);
  const request = await createCorrectionRequest(tx, {
    trackingNumber: newTrackingNumber(randomBytes),
    disclosureId: input.decisionId,
    requesterName: input.requesterName,
    requesterKind: input.requesterKind,
    contactPhone: input.contactPhone ?? null,
    contactEmail: input.contactEmail ?? null,
    description: input.description,
    evidence: input.evidence,
    receivedAt: now,
    dueDate: new Date(`${due.date}T00:00:00Z`),
    dueProvisional: due.provisional,
  });
  await writeAudit(tx, actor, 'correctionRequest.received', `correctionRequest:${request.id}`, {
    disclosureId: input.decisionId,
    documentNumber: shown.documentNumber,
    dueDate: due.date,
  });
  const record = await findDisclosure(tx, input.decisionId);
  // 10 working days, escalating (003 §(七), 004 §17): the handling clock, not only a due date.
  await startDutyClock(ctx, {
    kind: 'correctionRequest',
    subjectId: request.id,
    title: `更正申请 ${request.trackingNumber}（${shown.documentNumber}）`,
    link: `/correction-requests/${request.id}`,
    caseNumber: record?.caseNumber ?? null,
    start: now.toISOString(),
  });
  return {
    trackingNumber: request.trackingNumber,
    receivedAt: now.toISOString(),
    dueDate: due.date,
    documentNumber: shown.documentNumber,
  };
}
