import { z } from 'zod';
import { ZDecisionKind, ZIsoDate } from '@sanxiang/shared/src/domain';

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZOptionalText = (max: number) => z.string().trim().max(max).optional();

/**
 * The pre-disclosure catalogue (事前公开, DOMAIN.md §1; 000 §4–§9; 003 §(一)): one schema per
 * section, told apart by `section`.
 */
export const catalogueSections = [
  'subject',
  'personnel',
  'duty',
  'legalBasis',
  'procedure',
  'randomInspectionItem',
  'remedy',
  'supervisionChannel',
] as const;
export const ZCatalogueSection = z.enum(catalogueSections);
export type TCatalogueSection = z.infer<typeof ZCatalogueSection>;

export const catalogueSectionLabel: Record<TCatalogueSection, string> = {
  subject: '执法主体',
  personnel: '执法人员',
  duty: '职责权限',
  legalBasis: '执法依据',
  procedure: '执法程序及流程图',
  randomInspectionItem: '随机抽查事项清单',
  remedy: '救济途径',
  supervisionChannel: '监督方式',
};

export const ZCatalogueEntryContent = z.discriminatedUnion('section', [
  // 执法主体: name, duties, internal enforcement units, division of duties, jurisdiction, area.
  z.object({
    section: z.literal('subject'),
    name: ZText(200),
    duties: ZText(4000),
    internalUnits: ZOptionalText(1000),
    jurisdiction: ZText(1000),
    area: ZText(500),
  }),
  // 执法人员: name, unit, post, certificate number, category, area, validity (000 §5).
  z.object({
    section: z.literal('personnel'),
    name: ZText(50),
    unit: ZText(200),
    post: ZText(100),
    certificateNumber: ZText(32),
    category: ZText(200),
    area: ZText(200),
    validFrom: ZIsoDate,
    validUntil: ZIsoDate,
  }),
  // 职责、权限: the enforcement matters (许可、处罚、强制、检查…) with their basis.
  z.object({
    section: z.literal('duty'),
    title: ZText(200),
    powerKind: ZDecisionKind,
    description: ZText(4000),
    basis: ZText(2000),
  }),
  // 执法依据: laws, regulations, rules and normative documents.
  z.object({
    section: z.literal('legalBasis'),
    title: ZText(200),
    issuer: ZText(200),
    documentNumber: ZOptionalText(100),
    effectiveDate: ZIsoDate,
    summary: ZText(4000),
  }),
  // 执法程序 with its flow chart: the steps in order (rendered as an accessible chart).
  z.object({
    section: z.literal('procedure'),
    title: ZText(200),
    basis: ZText(2000),
    steps: z
      .array(z.object({ name: ZText(100), description: ZText(1000), timeLimit: ZOptionalText(100) }))
      .min(1)
      .max(30),
    supervision: ZOptionalText(1000),
  }),
  // 随机抽查事项清单: basis, subject, objects, content, ratio, method, frequency (000 §9).
  z.object({
    section: z.literal('randomInspectionItem'),
    title: ZText(200),
    basis: ZText(2000),
    inspectingBody: ZText(200),
    objects: ZText(1000),
    content: ZText(2000),
    ratio: ZText(100),
    method: ZText(500),
    frequency: ZText(200),
  }),
  // 救济途径: hearing, statement, defence, reconsideration, litigation.
  z.object({
    section: z.literal('remedy'),
    title: ZText(200),
    remedyKind: z.enum(['hearing', 'statementAndDefence', 'reconsideration', 'litigation', 'other']),
    description: ZText(4000),
    timeLimit: ZOptionalText(200),
    authority: ZOptionalText(200),
  }),
  // 监督方式: address, post code, phone, e-mail, handling procedure.
  z.object({
    section: z.literal('supervisionChannel'),
    title: ZText(200),
    address: ZText(300),
    postCode: z
      .string()
      .trim()
      .regex(/^\d{6}$/u, '邮政编码应为 6 位数字'),
    phone: ZText(50),
    email: z.email().max(200),
    procedure: ZText(4000),
  }),
]);
export type TCatalogueEntryContent = z.infer<typeof ZCatalogueEntryContent>;

export const remedyKindLabel = {
  hearing: '听证',
  statementAndDefence: '陈述、申辩',
  reconsideration: '行政复议',
  litigation: '行政诉讼',
  other: '其他',
} as const;

/** The title shown in lists: a person's name, a subject's name, or the entry's title. */
export const catalogueEntryTitle = (c: TCatalogueEntryContent): string =>
  c.section === 'personnel' || c.section === 'subject' ? c.name : c.title;
