import { z } from 'zod';
import { ZRole, ZIsoDate, type TRole } from '@sanxiang/shared';
import {
  ZDirectoryPerson,
  ZDirectoryUnit,
  ZUnitKind,
  type TDirectoryPerson,
} from '@sanxiang/shared/src/contracts';
import type { TCertificateRow, TPersonRow, TUnitRow } from '../data-access/directory-repository';
import { fromDateColumn } from '@sanxiang/shared/src/calendar';

/** Roles a person may hold; `system` is the worker's machine identity, never a person's. */
export const ZStaffRole = ZRole.exclude(['system']);

export const ZCertificateStatus = z.enum(['valid', 'suspended', 'revoked']);

export const ZCertificateView = z.object({
  number: z.string(),
  personId: z.string(),
  personName: z.string(),
  unitName: z.string(),
  categories: z.array(z.string()),
  areas: z.array(z.string()),
  validFrom: ZIsoDate,
  validTo: ZIsoDate,
  status: ZCertificateStatus,
  statusReason: z.string().nullable(),
  updatedAt: z.string(),
});

export const ZPersonView = ZDirectoryPerson.extend({
  post: z.string(),
  phone: z.string().nullable(),
  certificates: z.array(ZCertificateView.omit({ personId: true, personName: true, unitName: true })),
  updatedAt: z.string(),
});

/**
 * An officer as colleagues opening a case see them: name, unit and certificates (with validity),
 * no contact details.
 */
export const ZOfficerCandidate = z.object({
  id: z.string(),
  name: z.string(),
  unitName: z.string(),
  certificates: z.array(
    ZCertificateView.pick({
      number: true,
      categories: true,
      areas: true,
      validFrom: true,
      validTo: true,
      status: true,
    }),
  ),
});

export const ZUnitView = ZDirectoryUnit;

export const ZAuditEventView = z.object({
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  action: z.string(),
  subject: z.string(),
  details: z.unknown(),
});

const certificateFields = (c: Omit<TCertificateRow, 'person'>) => ({
  number: c.number,
  categories: c.categories,
  areas: c.areas,
  validFrom: fromDateColumn(c.validFrom),
  validTo: fromDateColumn(c.validTo),
  status: c.status,
  statusReason: c.statusReason,
  updatedAt: c.updatedAt.toISOString(),
});

export const certificateView = (c: TCertificateRow): z.infer<typeof ZCertificateView> => ({
  ...certificateFields(c),
  personId: c.personId,
  personName: c.person.name,
  unitName: c.person.unit.name,
});

/** The person as the identity provider and the other services see them. */
export const directoryPerson = (p: TPersonRow): TDirectoryPerson => ({
  id: p.id,
  login: p.login,
  name: p.name,
  unitId: p.unitId,
  unitName: p.unit.name,
  roles: p.roles as TRole[],
  email: p.email,
  active: p.active,
});

export const personView = (p: TPersonRow): z.infer<typeof ZPersonView> => ({
  ...directoryPerson(p),
  post: p.post,
  phone: p.phone,
  certificates: p.certificates.map(certificateFields),
  updatedAt: p.updatedAt.toISOString(),
});

export const officerCandidateView = (p: TPersonRow): z.infer<typeof ZOfficerCandidate> => ({
  id: p.id,
  name: p.name,
  unitName: p.unit.name,
  certificates: p.certificates.map((c) => ({
    number: c.number,
    categories: c.categories,
    areas: c.areas,
    validFrom: fromDateColumn(c.validFrom),
    validTo: fromDateColumn(c.validTo),
    status: ZCertificateStatus.parse(c.status),
  })),
});

export const unitView = (u: TUnitRow): z.infer<typeof ZUnitView> => ({
  id: u.id,
  code: u.code,
  name: u.name,
  kind: ZUnitKind.parse(u.kind),
  agencyId: u.agencyId,
  agencyName: u.agency.name,
  headId: u.headId,
  deputyIds: u.deputies.map((d) => d.personId),
});
