import { AppError, refuseByRule } from '@sanxiang/shared';
import type { TDomainDeps } from '../deps';

/** What a review round knows of who handled the case. */
export interface THandledCase {
  caseNumber: string;
  /** The submitter and officers of the round (its handlers). */
  handlerIds: string[];
}

/**
 * 审核办法 §3 (the legal-review office is apart from the case-handling unit) and §17: the reviewer
 * of a case is never one of its handlers, nor a member of the unit that handles it. Checked when a
 * review is assigned (asks recording for the case's unit and officers, the directory for the
 * reviewer's unit — before any transaction); fails closed while either cannot be asked (503).
 */
export async function assertReviewerIndependent(
  deps: TDomainDeps,
  review: THandledCase,
  reviewer: { id: string; name: string },
): Promise<void> {
  assertNotHandler(review, reviewer);
  if (!deps.recording || !deps.directory) {
    throw new AppError('unavailable', '未配置记录系统或人员目录，无法核对审核人员与本案承办机构的关系');
  }
  const summary = await deps.recording.caseSummary(review.caseNumber).catch((cause: unknown) => {
    throw new AppError('unavailable', '执法记录系统暂不可用，无法核对本案承办机构，请稍后重试', { cause });
  });
  if (!summary) {
    throw refuseByRule('separationOfDuties', `执法记录系统中查无案件 ${review.caseNumber}，无法核对承办机构`);
  }
  if (summary.officers.some((o) => o.userId === reviewer.id)) {
    throw refuseByRule('separationOfDuties', `${reviewer.name} 是本案执法人员，不能审核本案`, {
      extra: { reason: 'handlingOfficer' },
    });
  }
  const person = await deps.directory.person(reviewer.id);
  if (!person || !person.active) {
    throw refuseByRule(
      'separationOfDuties',
      `${reviewer.name} 不是人员目录中的在职人员，无法核对其所在机构`,
      {
        status: 422,
        extra: { reason: 'unknownReviewer' },
      },
    );
  }
  const unit = summary.handlingUnit.trim();
  if (person.unitName.trim() === unit || person.unitId === unit) {
    throw refuseByRule(
      'separationOfDuties',
      `${reviewer.name} 属于本案承办机构（${person.unitName}），法制审核须由承办机构以外的人员进行`,
      { extra: { reason: 'handlingUnit', unitId: person.unitId } },
    );
  }
}

/** The part that needs no other service: a handler of the round never reviews it. */
export function assertNotHandler(review: THandledCase, person: { id: string; name: string }): void {
  if (review.handlerIds.includes(person.id)) {
    throw refuseByRule('separationOfDuties', `${person.name} 是本案承办人员，不能审核本案`, {
      extra: { reason: 'handlingOfficer' },
    });
  }
}
