import type { TDb } from './prisma-client';
import type { TTx } from './transaction';

/** Reads of the directory; `db` may be the client or a transaction. */
type TReader = TDb | TTx;

const personInclude = { unit: true, certificates: { orderBy: { validTo: 'desc' as const } } };
const unitInclude = {
  agency: true,
  deputies: { orderBy: { position: 'asc' as const } },
};

export const findAgency = (db: TReader, id: string) => db.agency.findUnique({ where: { id } });
export const listAgencies = (db: TReader) => db.agency.findMany({ orderBy: { name: 'asc' } });

export const findUnit = (db: TReader, id: string) =>
  db.unit.findUnique({ where: { id }, include: unitInclude });
export const listUnits = (db: TReader, filter: { agencyId?: string | undefined } = {}) =>
  db.unit.findMany({
    where: filter.agencyId ? { agencyId: filter.agencyId } : {},
    include: unitInclude,
    orderBy: [{ agencyId: 'asc' }, { code: 'asc' }],
  });
export type TUnitRow = NonNullable<Awaited<ReturnType<typeof findUnit>>>;

export const findPerson = (db: TReader, id: string) =>
  db.person.findUnique({ where: { id }, include: personInclude });
export const findPersonByLogin = (db: TReader, login: string) =>
  db.person.findUnique({ where: { login }, include: personInclude });
export const findPeople = (db: TReader, ids: string[]) =>
  db.person.findMany({ where: { id: { in: ids } }, include: personInclude });
export const listPeople = (
  db: TReader,
  filter: { unitId?: string | undefined; active?: boolean | undefined; q?: string | undefined },
) =>
  db.person.findMany({
    where: {
      ...(filter.unitId ? { unitId: filter.unitId } : {}),
      ...(filter.active === undefined ? {} : { active: filter.active }),
      ...(filter.q
        ? {
            OR: [
              { name: { contains: filter.q, mode: 'insensitive' as const } },
              { login: { contains: filter.q, mode: 'insensitive' as const } },
            ],
          }
        : {}),
    },
    include: personInclude,
    orderBy: [{ unitId: 'asc' }, { login: 'asc' }],
  });
/** Active officers whose name or login contains `q` (立案时选择执法人员), by name. */
export const searchOfficers = (db: TReader, filter: { q?: string | undefined; limit: number }) =>
  db.person.findMany({
    where: {
      active: true,
      roles: { has: 'officer' },
      ...(filter.q
        ? {
            OR: [
              { name: { contains: filter.q, mode: 'insensitive' as const } },
              { login: { contains: filter.q, mode: 'insensitive' as const } },
            ],
          }
        : {}),
    },
    include: personInclude,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: filter.limit,
  });
export type TPersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

export const findCertificate = (db: TReader, number: string) =>
  db.certificate.findUnique({ where: { number }, include: { person: { include: { unit: true } } } });
export const listCertificates = (db: TReader, filter: { personId?: string | undefined }) =>
  db.certificate.findMany({
    where: filter.personId ? { personId: filter.personId } : {},
    include: { person: { include: { unit: true } } },
    orderBy: { number: 'asc' },
  });
export type TCertificateRow = NonNullable<Awaited<ReturnType<typeof findCertificate>>>;

/** Certificates with status `valid` held by active people (the candidates of the public list). */
export const listValidCertificatesOfActivePeople = (db: TReader) =>
  db.certificate.findMany({
    where: { status: 'valid', person: { active: true } },
    include: { person: { include: { unit: { include: { agency: true } } } } },
    orderBy: [{ person: { unitId: 'asc' } }, { number: 'asc' }],
  });
