import type {
  TCertificateCheckRequest,
  TCertificateCheckResponse,
  TOfficerCheck,
} from '@sanxiang/shared/src/contracts';
import { findPeople, type TPersonRow } from '../../data-access/directory-repository';
import type { TDomainDeps } from '../deps';
import { refusalDetail, refusalOf } from './certificate-validity';

/** The minimum number of certified officers for an enforcement activity (001 二(一)3(2)). */
export const minimumOfficers = 2;

function checkOfficer(
  officerId: string,
  person: TPersonRow | undefined,
  activity: TCertificateCheckRequest,
): TOfficerCheck {
  if (!person || !person.active)
    return {
      officerId,
      name: person?.name ?? null,
      valid: false,
      reason: 'unknownOfficer',
      message: `${person?.name ?? officerId}：不是在职执法人员`,
      certificateNumber: null,
    };
  // Several certificates (a renewed one beside the old): any one that allows the activity suffices;
  // otherwise the newest names the reason.
  const evaluated = person.certificates.map((c) => ({ c, reason: refusalOf(c, activity) }));
  const allowed = evaluated.find((e) => e.reason === null);
  if (allowed) return { officerId, name: person.name, valid: true, certificateNumber: allowed.c.number };
  const newest = evaluated[0];
  const reason = newest?.reason ?? 'noCertificate';
  const who = newest ? `${person.name}（执法证号 ${newest.c.number}）` : person.name;
  return {
    officerId,
    name: person.name,
    valid: false,
    reason,
    message: `${who}：${refusalDetail(reason, newest?.c, activity)}`,
    certificateNumber: newest?.c.number ?? null,
  };
}

/**
 * Whether these officers may carry out an activity of this category, in this area, on this
 * (Beijing) date: each officer's verdict, and whether there are at least two distinct ones, all
 * valid. Status (suspended / revoked) is the certificate's status now: a suspension has no end date.
 */
export async function checkCertificates(
  deps: TDomainDeps,
  request: TCertificateCheckRequest,
): Promise<TCertificateCheckResponse> {
  const ids = [...new Set(request.officerIds)];
  const people = new Map((await findPeople(deps.db, ids)).map((p) => [p.id, p]));
  const officers = ids.map((id) => checkOfficer(id, people.get(id), request));
  const refused = officers.filter((o) => !o.valid);
  const messages = refused.map((o) => (o.valid ? '' : o.message));
  if (ids.length < minimumOfficers)
    messages.push(`仅一名执法人员：执法须由至少${minimumOfficers}名持有效执法证的执法人员进行`);
  return messages.length === 0
    ? { sufficient: true, officers }
    : { sufficient: false, officers, message: messages.join('；') };
}
