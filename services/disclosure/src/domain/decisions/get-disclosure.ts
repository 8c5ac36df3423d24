import { AppError } from '@sanxiang/shared';
import { disclosureSubject, listAudit } from '../../data-access/audit-log';
import type { TReader } from '@sanxiang/shared';
import { findDisclosure, listReviewSteps, listVersions } from '../../data-access/disclosure-repository';
import { listOutcomeRequests } from '../../data-access/outcome-repository';
import { toOutcomeRequestView } from '../outcomes/outcome-requests';
import { toDisclosureView, toReviewStepView, toVersionView } from './disclosure-view';

/** The staff view: the record, every version (source, rules, generated public text) and its review. */
export async function getDisclosure(db: TReader, id: string) {
  const d = await findDisclosure(db, id);
  if (!d) throw new AppError('notFound', '公示记录不存在');
  const [versions, steps, outcomeRequests] = await Promise.all([
    listVersions(db, id),
    listReviewSteps(db, id),
    listOutcomeRequests(db, id),
  ]);
  return {
    ...toDisclosureView(d),
    versions: versions.map(toVersionView),
    reviewSteps: steps.map(toReviewStepView),
    /** Withdrawal and non-publication requests with their check and approval (#13 items 9, 2). */
    outcomeRequests: outcomeRequests.map(toOutcomeRequestView),
  };
}

export async function getDisclosureAudit(db: TReader, id: string) {
  const d = await findDisclosure(db, id);
  if (!d) throw new AppError('notFound', '公示记录不存在');
  const events = await listAudit(db, disclosureSubject(id));
  return events.map((e) => ({
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    details: e.details,
    requestId: e.requestId,
  }));
}
