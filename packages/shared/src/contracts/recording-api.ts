import { z } from 'zod';
import { ZPartyKind } from '../domain/decision-kinds';
import { ZCaseNumber, ZCaseOfficer } from '../domain/identifiers';

/**
 * Requests to the recording service that other parts validate too (the staff console's forms), so
 * each rule is stated once. No I/O imports: browsers bundle this file.
 */

/** 立案: open a case file with its party and at least two certified officers, start its lifecycle. */
export const ZOpenCaseFile = z
  .object({
    caseNumber: ZCaseNumber, // 案号
    title: z.string().trim().min(1).max(200), // 案由
    handlingUnit: z.string().trim().min(1).max(200), // 执法承办机构
    enforcementCategory: z.string().trim().min(1).max(64), // 执法类别, e.g. 劳动保障监察
    enforcementArea: z.string().trim().min(1).max(64), // 执法区域, e.g. 常州市新北区
    party: z.object({
      kind: ZPartyKind, // 自然人 / 法人 / 其他组织
      name: z.string().trim().min(1).max(200),
      idNumber: z.string().trim().min(1).max(32).optional(), // 身份证号或统一社会信用代码
      legalRepresentative: z.string().trim().min(1).max(100).optional(), // 法定代表人 / 负责人
      isMinor: z.boolean().default(false), // 未成年人: never published (不予公开)
    }),
    officers: z.array(ZCaseOfficer).min(2, '案件须有至少两名持证执法人员').max(20),
  })
  .superRefine((v, ctx) => {
    if (new Set(v.officers.map((o) => o.userId)).size !== v.officers.length)
      ctx.addIssue({ code: 'custom', path: ['officers'], message: '执法人员不得重复' });
    if (new Set(v.officers.map((o) => o.certificateNumber)).size !== v.officers.length)
      ctx.addIssue({ code: 'custom', path: ['officers'], message: '执法证号不得重复' });
    if (v.party.isMinor && v.party.kind !== 'naturalPerson')
      ctx.addIssue({ code: 'custom', path: ['party', 'isMinor'], message: '只有自然人可以是未成年人' });
    if (v.party.legalRepresentative && v.party.kind === 'naturalPerson')
      ctx.addIssue({
        code: 'custom',
        path: ['party', 'legalRepresentative'],
        message: '自然人当事人没有法定代表人',
      });
  });
export type TOpenCaseFile = z.infer<typeof ZOpenCaseFile>;

/**
 * POST /internal/cases (system token): another service opens a case on behalf of one of its
 * officers — the inspection service for a 立案查处 result of a random inspection (双随机, issue 15).
 * The officer must be one of the case's officers, as for POST /cases; the lifecycle starts the same.
 */
export const ZInternalOpenCase = z.object({
  case: ZOpenCaseFile,
  /** The officer who opens it (recorded as the opener). */
  openedBy: z.object({
    id: z.string().min(1).max(64),
    name: z.string().trim().min(1).max(64),
    unitId: z.string().min(1).max(64).optional(),
  }),
  /** Where the case comes from, for the audit trail. */
  source: z.object({
    kind: z.literal('randomInspection'),
    taskId: z.string().min(1).max(64),
    objectId: z.string().min(1).max(64),
  }),
});
export type TInternalOpenCase = z.infer<typeof ZInternalOpenCase>;
export const internalOpenCasePath = '/internal/cases';
