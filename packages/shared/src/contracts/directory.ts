import { z } from 'zod';
import { ZRole } from '../domain/roles';
import { ZIsoDate } from '../domain/identifiers';

/**
 * The directory service's internal API (docs/directory.md): who is who, for the identity provider
 * (sign-in), the recording service (certificate checks) and the disclosure platform (执法人员清单).
 * Every call carries a machine token (role `system`).
 */

export const directoryPaths = {
  personByLogin: (login: string) => `/internal/people/by-login/${encodeURIComponent(login)}`,
  person: (id: string) => `/internal/people/${encodeURIComponent(id)}`,
  unit: (id: string) => `/internal/units/${encodeURIComponent(id)}`,
  /** Units of one kind (e.g. the legal-review office, the disclosure unit, the agency leadership). */
  unitsOfKind: (kind: TUnitKind) => `/internal/units?kind=${encodeURIComponent(kind)}`,
  /** Active people of a unit. */
  peopleOfUnit: (unitId: string) => `/internal/people?unitId=${encodeURIComponent(unitId)}`,
  certificateChecks: () => '/internal/certificate-checks',
  publicPersonnel: () => '/internal/public-personnel',
  /** 执法人员照片 of one person on the public list. */
  personPhoto: (id: string) => `/internal/people/${encodeURIComponent(id)}/photo`,
  /** 执法检查人员名录库: people whose certificate covers a category and area over a whole period. */
  inspectors: (q: { from: string; to: string; category: string; area: string }) =>
    `/internal/inspectors?${new URLSearchParams(q).toString()}`,
} as const;

/** Kinds of unit (机构类别). */
export const ZUnitKind = z.enum([
  'enforcement', // 执法承办机构
  'legalReview', // 法制审核机构
  'disclosure', // 公示工作机构
  'leadership', // 机关领导
  'other', // 其他内设机构
]);
export type TUnitKind = z.infer<typeof ZUnitKind>;

/** A person as the identity provider signs them in: the token's `sub`, `name`, `unit`, `roles`. */
export const ZDirectoryPerson = z.object({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  roles: z.array(ZRole),
  email: z.string().nullable(),
  active: z.boolean(),
});
export type TDirectoryPerson = z.infer<typeof ZDirectoryPerson>;

export const ZDirectoryUnit = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: ZUnitKind,
  agencyId: z.string(),
  agencyName: z.string(),
  headId: z.string().nullable(),
  deputyIds: z.array(z.string()),
});
export type TDirectoryUnit = z.infer<typeof ZDirectoryUnit>;

/** What an activity needs of its officers' certificates (执法证). */
export const ZCertificateCheckRequest = z.object({
  /** The day the activity takes place, in Beijing time. */
  date: ZIsoDate,
  /** 执法类别 the activity belongs to, e.g. 劳动保障监察. */
  category: z.string().trim().min(1).max(64),
  /** 执法区域 where it takes place, e.g. 常州市武进区. */
  area: z.string().trim().min(1).max(64),
  officerIds: z.array(z.string().min(1).max(64)).min(1).max(20),
});
export type TCertificateCheckRequest = z.infer<typeof ZCertificateCheckRequest>;

/** Why an officer may not act (the first that applies, in this order). */
export const ZCertificateRefusal = z.enum([
  'unknownOfficer', // 不是本机关在职人员
  'noCertificate', // 未持有执法证
  'revoked', // 已吊销
  'suspended', // 已暂停
  'notYetValid', // 尚未生效
  'expired', // 已过期
  'categoryMismatch', // 执法类别不符
  'areaMismatch', // 执法区域不符
]);
export type TCertificateRefusal = z.infer<typeof ZCertificateRefusal>;

export const certificateRefusalLabels: Record<TCertificateRefusal, string> = {
  unknownOfficer: '不是在职执法人员',
  noCertificate: '未持有执法证',
  revoked: '执法证已吊销',
  suspended: '执法证已暂停',
  notYetValid: '执法证尚未生效',
  expired: '执法证已过期',
  categoryMismatch: '执法类别不符',
  areaMismatch: '执法区域不符',
};

export const ZOfficerCheck = z.discriminatedUnion('valid', [
  z.object({
    officerId: z.string(),
    name: z.string().nullable(),
    valid: z.literal(true),
    certificateNumber: z.string(),
  }),
  z.object({
    officerId: z.string(),
    name: z.string().nullable(),
    valid: z.literal(false),
    reason: ZCertificateRefusal,
    /** In Chinese, naming the officer: `张伟（执法证号 32040020231）：执法证已过期（有效期至 2026年3月1日）`. */
    message: z.string(),
    certificateNumber: z.string().nullable(),
  }),
]);
export type TOfficerCheck = z.infer<typeof ZOfficerCheck>;

export const ZCertificateCheckResponse = z.object({
  /** At least two distinct officers, every one of them valid. */
  sufficient: z.boolean(),
  officers: z.array(ZOfficerCheck),
  /** Chinese summary of why it is not sufficient (absent when it is). */
  message: z.string().optional(),
});
export type TCertificateCheckResponse = z.infer<typeof ZCertificateCheckResponse>;

/** One line of the public personnel list (执法人员清单): only certificates valid right now. */
export const ZPublicPersonnelEntry = z.object({
  /** The directory's id of the person (for the photo); absent from an older directory. */
  personId: z.string().optional(),
  name: z.string(),
  unitName: z.string(),
  /** 职务 (000 §5, 001 二(一)2(5)); absent from an older directory. */
  post: z.string().optional(),
  certificateNumber: z.string(),
  categories: z.array(z.string()),
  areas: z.array(z.string()),
  validTo: ZIsoDate,
  /** SHA-256 of the person's photo (004 §4(2)), null without one; absent from an older directory. */
  photoSha256: z.string().nullable().optional(),
});
export type TPublicPersonnelEntry = z.infer<typeof ZPublicPersonnelEntry>;

export const ZPublicPersonnelList = z.object({
  /** The instant the list was computed for. */
  asOf: z.string(),
  /**
   * Until when the list stays as it is unless someone edits the directory: the next midnight
   * (Beijing) at which a certificate expires or becomes valid. Caches must not outlive it.
   */
  stableUntil: z.string().nullable(),
  agencyName: z.string().nullable(),
  entries: z.array(ZPublicPersonnelEntry),
});
export type TPublicPersonnelList = z.infer<typeof ZPublicPersonnelList>;

/** One person of the inspector pool (执法检查人员名录库, 双随机): a valid certificate for the whole period. */
export const ZInspector = z.object({
  personId: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  /** The certificate that covers the category and area from `from` to `to`. */
  certificateNumber: z.string(),
});
export type TInspector = z.infer<typeof ZInspector>;

export const ZInspectorPool = z.object({
  from: ZIsoDate,
  to: ZIsoDate,
  category: z.string(),
  area: z.string(),
  /** Ordered by person id, so that a seeded draw over the pool is reproducible. */
  inspectors: z.array(ZInspector),
});
export type TInspectorPool = z.infer<typeof ZInspectorPool>;

/** GET /internal/people/{personId}/photo: 执法人员照片 for the public personnel list. */
export const ZPersonPhoto = z.object({
  personId: z.string(),
  contentType: z.enum(['image/jpeg', 'image/png']),
  sha256: z.string(),
  dataBase64: z.string(),
});
export type TPersonPhoto = z.infer<typeof ZPersonPhoto>;
