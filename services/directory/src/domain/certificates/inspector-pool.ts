import type { TInspectorPool } from '@sanxiang/shared/src/contracts';
import { listValidCertificatesOfActivePeople } from '../../data-access/directory-repository';
import { fromDateColumn } from '@sanxiang/shared/src/calendar';
import type { TDomainDeps } from '../deps';
import { refusalOf } from './certificate-validity';

/**
 * 执法检查人员名录库 (双随机、一公开): everyone active holding a certificate that allows inspections
 * of `category` in `area` on every day from `from` to `to` (Beijing dates, inclusive), one entry per
 * person (the certificate valid longest when several qualify), ordered by person id so that a seeded
 * draw over the pool is reproducible.
 */
export async function inspectorPool(
  deps: TDomainDeps,
  query: { from: string; to: string; category: string; area: string },
): Promise<TInspectorPool> {
  const rows = await listValidCertificatesOfActivePeople(deps.db);
  const byPerson = new Map<string, TInspectorPool['inspectors'][number] & { validTo: string }>();
  for (const c of rows) {
    const allowsOn = (date: string) =>
      refusalOf(c, { date, category: query.category, area: query.area }) === null;
    if (!allowsOn(query.from) || !allowsOn(query.to)) continue;
    const validTo = fromDateColumn(c.validTo);
    const known = byPerson.get(c.personId);
    if (known && known.validTo >= validTo) continue;
    byPerson.set(c.personId, {
      personId: c.personId,
      name: c.person.name,
      unitId: c.person.unitId,
      unitName: c.person.unit.name,
      certificateNumber: c.number,
      validTo,
    });
  }
  const inspectors = [...byPerson.values()]
    .sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0))
    .map(({ validTo: _validTo, ...inspector }) => inspector);
  return { ...query, inspectors };
}
