import { z } from 'zod';
import { ZDecisionKind, ZIsoDate } from '../domain';

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
  'serviceGuide',
  'discretionBenchmark',
  'legalReviewFlow',
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
  serviceGuide: '服务指南',
  discretionBenchmark: '行政处罚裁量基准',
  legalReviewFlow: '重大执法决定法制审核流程图',
};

const ZStep = z.object({ name: ZText(100), description: ZText(1000), timeLimit: ZOptionalText(100) });
const ZSteps = z.array(ZStep).min(1).max(30);

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
    steps: ZSteps,
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
  // 服务指南 (000 §8, §11; 003 (二); 004 §4 5、§6): what a person needs to get a matter done at the
  // window — 受理机构, 审批机构, 条件, 材料, 流程, 时限, 收费, 责任追究, 办公时间/地址/电话.
  z.object({
    section: z.literal('serviceGuide'),
    title: ZText(200), // 事项名称
    basis: ZText(2000),
    acceptingBody: ZText(200), // 受理机构
    approvingBody: ZText(200), // 审批机构
    conditions: ZText(4000), // 许可（办理）条件
    materials: z
      .array(z.object({ name: ZText(200), copies: ZOptionalText(50), note: ZOptionalText(500) }))
      .min(1)
      .max(50), // 申请材料清单
    steps: ZSteps, // 办理流程
    timeLimit: ZText(200), // 办理时限
    fees: ZText(500), // 收费标准及依据（不收费的写明“不收费”）
    accountability: ZText(2000), // 责任追究
    officeHours: ZText(200),
    address: ZText(300),
    phone: ZText(50),
    consultation: ZOptionalText(500), // 咨询渠道
    complaint: ZOptionalText(500), // 投诉举报
  }),
  // 行政处罚裁量基准 (003 (四)15 自由裁量权的裁量标准; 001 (三)4 裁量基准运用是否适当): for one
  // violation, the grades of circumstance and the penalty each one carries.
  z.object({
    section: z.literal('discretionBenchmark'),
    title: ZText(200), // 违法行为
    violationBasis: ZText(2000), // 违法依据
    penaltyBasis: ZText(2000), // 处罚依据
    levels: z
      .array(
        z.object({
          grade: ZText(50), // 裁量等级：轻微 / 一般 / 较重 / 严重
          circumstances: ZText(1000), // 适用情形
          penalty: ZText(1000), // 处罚标准
        }),
      )
      .min(1)
      .max(10),
    notes: ZOptionalText(2000),
  }),
  // 重大执法决定法制审核流程图 (001 (三)5): 送审材料, 审核程序, 审核载体, 时限要求, the coordination when
  // the opinion and the proposal disagree, and 责任追究; the steps are drawn as a chart.
  z.object({
    section: z.literal('legalReviewFlow'),
    title: ZText(200),
    basis: ZText(2000),
    materials: z.array(ZText(300)).min(1).max(30), // 送审材料
    steps: ZSteps, // 审核程序 with 时限要求
    carrier: ZText(500), // 审核载体（书面审核意见书等）
    disagreement: ZText(2000), // 法制审核意见与拟处理意见不一致的协调决策机制
    accountability: ZText(2000), // 责任追究机制
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

/** Why a catalogue entry is taken down (000 §4 立改废、职能调整; 003 (一) 动态调整). */
export const ZCatalogueWithdrawalReason = z.enum(['lawRepealed', 'functionsChanged', 'replaced']);
export type TCatalogueWithdrawalReason = z.infer<typeof ZCatalogueWithdrawalReason>;
export const catalogueWithdrawalReasonLabel: Record<TCatalogueWithdrawalReason, string> = {
  lawRepealed: '所依据的法律、法规、规章或规范性文件已废止',
  functionsChanged: '部门机构职能调整',
  replaced: '已由新的目录条目取代',
};
