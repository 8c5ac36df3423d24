import type { TReader, TTransaction } from '@sanxiang/shared';
import type { Prisma } from '../generated/prisma/client';
import { prismaOf } from './prisma-client';

// Reads of the directory take a `TReader` (the database or a transaction); writes a transaction.

const personInclude = { unit: true, certificates: { orderBy: { validTo: 'desc' as const } } };
const unitInclude = {
  agency: true,
  deputies: { orderBy: { position: 'asc' as const } },
};

export const findAgency = (db: TReader, id: string) => prismaOf(db).agency.findUnique({ where: { id } });
export const listAgencies = (db: TReader) => prismaOf(db).agency.findMany({ orderBy: { name: 'asc' } });

export const findUnit = (db: TReader, id: string) =>
  prismaOf(db).unit.findUnique({ where: { id }, include: unitInclude });
export const listUnits = (db: TReader, filter: { agencyId?: string | undefined } = {}) =>
  prismaOf(db).unit.findMany({
    where: filter.agencyId ? { agencyId: filter.agencyId } : {},
    include: unitInclude,
    orderBy: [{ agencyId: 'asc' }, { code: 'asc' }],
  });
export type TUnitRow = NonNullable<Awaited<ReturnType<typeof findUnit>>>;

export const findPerson = (db: TReader, id: string) =>
  prismaOf(db).person.findUnique({ where: { id }, include: personInclude });
export const findPersonByLogin = (db: TReader, login: string) =>
  prismaOf(db).person.findUnique({ where: { login }, include: personInclude });
export const findPeople = (db: TReader, ids: string[]) =>
  prismaOf(db).person.findMany({ where: { id: { in: ids } }, include: personInclude });
export const listPeople = (
  db: TReader,
  filter: { unitId?: string | undefined; active?: boolean | undefined; q?: string | undefined },
) =>
  prismaOf(db).person.findMany({
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
  prismaOf(db).person.findMany({
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
  prismaOf(db).certificate.findUnique({
    where: { number },
    include: { person: { include: { unit: true } } },
  });
export const listCertificates = (db: TReader, filter: { personId?: string | undefined }) =>
  prismaOf(db).certificate.findMany({
    where: filter.personId ? { personId: filter.personId } : {},
    include: { person: { include: { unit: true } } },
    orderBy: { number: 'asc' },
  });
export type TCertificateRow = NonNullable<Awaited<ReturnType<typeof findCertificate>>>;

/** Certificates with status `valid` held by active people (the candidates of the public list). */
export const listValidCertificatesOfActivePeople = (db: TReader) =>
  prismaOf(db).certificate.findMany({
    where: { status: 'valid', person: { active: true } },
    include: {
      person: {
        include: { unit: { include: { agency: true } }, photo: { select: { sha256: true } } },
      },
    },
    orderBy: [{ person: { unitId: 'asc' } }, { number: 'asc' }],
  });

// Writes, in the caller's transaction (with its audit event).

export const createAgency = (tx: TTransaction, data: Prisma.AgencyUncheckedCreateInput) =>
  prismaOf(tx).agency.create({ data });
export const updateAgency = (tx: TTransaction, id: string, data: Prisma.AgencyUncheckedUpdateInput) =>
  prismaOf(tx).agency.update({ where: { id }, data });

/** The unit's own row, without its agency and deputies. */
export const findUnitRow = (db: TReader, id: string) => prismaOf(db).unit.findUnique({ where: { id } });
export const createUnit = (tx: TTransaction, data: Prisma.UnitUncheckedCreateInput) =>
  prismaOf(tx).unit.create({ data });
export const updateUnit = (tx: TTransaction, id: string, data: Prisma.UnitUncheckedUpdateInput) =>
  prismaOf(tx).unit.update({ where: { id }, data });
/** Replaces the unit's deputies (in this order) and its head. */
export async function replaceUnitLeadership(
  tx: TTransaction,
  unitId: string,
  leadership: { headId: string | null; deputyIds: string[] },
): Promise<void> {
  const client = prismaOf(tx);
  await client.unitDeputy.deleteMany({ where: { unitId } });
  await client.unitDeputy.createMany({
    data: leadership.deputyIds.map((personId, position) => ({ unitId, personId, position })),
  });
  await client.unit.update({ where: { id: unitId }, data: { headId: leadership.headId } });
}

/** The person's own row with the units they lead (as head or deputy). */
export const findPersonWithLeadership = (db: TReader, id: string) =>
  prismaOf(db).person.findUnique({
    where: { id },
    include: { headOf: true, deputyOf: { include: { unit: true } } },
  });
/** The person's own row, without unit and certificates. */
export const findPersonRow = (db: TReader, id: string) => prismaOf(db).person.findUnique({ where: { id } });
export const createPerson = (tx: TTransaction, data: Prisma.PersonUncheckedCreateInput) =>
  prismaOf(tx).person.create({ data });
export const updatePerson = (tx: TTransaction, id: string, data: Prisma.PersonUncheckedUpdateInput) =>
  prismaOf(tx).person.update({ where: { id }, data });

/** Locks the certificate's row until the transaction ends (status changes are serialised). */
export async function lockCertificate(tx: TTransaction, number: string): Promise<void> {
  await prismaOf(tx).$queryRaw`SELECT 1 FROM "Certificate" WHERE "number" = ${number} FOR UPDATE`;
}
export const createCertificate = (tx: TTransaction, data: Prisma.CertificateUncheckedCreateInput) =>
  prismaOf(tx).certificate.create({ data });
export const updateCertificate = (
  tx: TTransaction,
  number: string,
  data: Prisma.CertificateUncheckedUpdateInput,
) => prismaOf(tx).certificate.update({ where: { number }, data });

/** A person's photo (执法人员照片), bytes included. */
export const findPersonPhoto = (db: TReader, personId: string) =>
  prismaOf(db).personPhoto.findUnique({ where: { personId } });

/** Sets (or replaces) a person's photo. */
export const savePersonPhoto = (
  tx: TTransaction,
  row: { personId: string; contentType: string; data: Uint8Array; sha256: string; uploadedBy: string },
) => {
  const data = {
    contentType: row.contentType,
    data: Buffer.from(row.data),
    sha256: row.sha256,
    byteLength: row.data.byteLength,
    uploadedBy: row.uploadedBy,
    uploadedAt: new Date(),
  };
  return prismaOf(tx).personPhoto.upsert({
    where: { personId: row.personId },
    create: { personId: row.personId, ...data },
    update: data,
  });
};
