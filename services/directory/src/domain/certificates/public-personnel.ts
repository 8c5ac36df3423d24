import { endOfDayInstant } from '@sanxiang/shared/src/calendar';
import { dateInShanghai } from '@sanxiang/shared/src/calendar';
import type { TPublicPersonnelList } from '@sanxiang/shared/src/contracts';
import { listValidCertificatesOfActivePeople } from '../../data-access/directory-repository';
import { fromDateColumn } from '@sanxiang/shared/src/calendar';
import type { TDomainDeps } from '../deps';

/** The day before a Beijing date (`YYYY-MM-DD`), for the midnight at which it begins. */
const dayBefore = (isoDate: string): string =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * 执法人员清单 (002 3 规范事中公示; 000 §5 and 001 二(一)2(5): name, 职务, unit, category, area,
 * validity, certificate number): everyone active whose certificate is valid at `at`, with the
 * instant until which the list holds unless the directory is edited (the next midnight, Beijing
 * time, at which a listed certificate expires or an unlisted one begins).
 */
export async function publicPersonnel(deps: TDomainDeps, at: Date): Promise<TPublicPersonnelList> {
  const today = dateInShanghai(at);
  const rows = await listValidCertificatesOfActivePeople(deps.db);
  const changes: string[] = [];
  const entries = rows.flatMap((c) => {
    const validFrom = fromDateColumn(c.validFrom);
    const validTo = fromDateColumn(c.validTo);
    if (validFrom > today) {
      changes.push(endOfDayInstant(dayBefore(validFrom)));
      return [];
    }
    if (validTo < today) return [];
    changes.push(endOfDayInstant(validTo));
    return [
      {
        personId: c.person.id,
        name: c.person.name,
        unitName: c.person.unit.name,
        post: c.person.post,
        certificateNumber: c.number,
        categories: c.categories,
        areas: c.areas,
        validTo,
        photoSha256: c.person.photo?.sha256 ?? null,
      },
    ];
  });
  return {
    asOf: at.toISOString(),
    stableUntil: changes.length > 0 ? changes.sort()[0]! : null,
    agencyName: rows[0]?.person.unit.agency.name ?? null,
    entries,
  };
}
