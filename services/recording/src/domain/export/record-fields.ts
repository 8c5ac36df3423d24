import {
  evidenceMediaKindLabel,
  recordKindLabel,
  valueLabel,
  type TEvidenceMediaKind,
  type TRecordKind,
} from '@sanxiang/shared/src/domain';
import { formatDate, formatDateTime, formatYuan } from '@sanxiang/shared/src/format';

/**
 * A record's content as labelled Chinese fields for the archive (PDF case file): every key has a
 * Chinese label, every code value its Chinese word, every instant Beijing time through the one
 * formatter. The PDF and the HTML of the case file share these words. Keys or values without a label (old data, a field added later) are shown under
 * 其他信息 / as they are, never dropped.
 */

export interface TField {
  label: string;
  /** Plain text, or nested fields (a person, a question and its answer, a list entry). */
  value: string | TField[];
}

const fieldLabel: Record<string, string> = {
  place: '地点',
  startedAt: '开始时间',
  endedAt: '结束时间',
  shownAt: '出示时间',
  shownTo: '出示对象',
  officers: '执法人员',
  interviewers: '询问人',
  inspectors: '检查人',
  investigators: '调查人员',
  recorder: '记录人',
  interviewee: '被询问人',
  othersPresent: '其他在场人',
  questionsAndAnswers: '询问内容',
  question: '问',
  answer: '答',
  signature: '签名',
  signed: '是否签名',
  signedBy: '签名人',
  refusalReason: '拒签理由',
  inspectedSubject: '检查对象',
  findings: '检查情况',
  present: '在场人',
  name: '姓名',
  role: '身份',
  idNumber: '身份证件号码',
  phone: '联系电话',
  address: '地址',
  employer: '工作单位',
  certificateNumber: '执法证号',
  items: '清单',
  title: '名称',
  provider: '提供人',
  providedOn: '提供日期',
  source: '来源',
  copies: '份数',
  evidenceId: '证据文件',
  heldAt: '时间',
  presidingOfficer: '主持人',
  clerk: '书记员',
  participants: '参加人',
  minutes: '笔录',
  report: '听证报告',
  notifiedAt: '告知时间',
  method: '方式',
  documentNumber: '文书编号',
  rights: '告知的权利',
  response: '当事人答复',
  kind: '类别',
  respondedAt: '答复时间',
  statements: '陈述申辩内容',
  decidedAt: '决定时间',
  reason: '理由',
  form: '保存方式',
  approvedBy: '批准人',
  quantity: '数量',
  location: '存放地点',
  at: '时间',
  refusedBy: '拒绝人',
  refused: '拒绝事项',
  witnesses: '见证人',
  facts: '违法事实',
  legalBasis: '法律依据',
  proposedDecision: '拟处理意见',
  discretionReasoning: '裁量理由',
  concludedAt: '调查终结时间',
  caseSource: '案件来源',
  investigation: '调查经过',
  evidenceSummary: '证据',
  proposedHandling: '处理意见',
  status: '状态',
  decisionKind: '决定类别',
  party: '当事人',
  decision: '处理决定',
  penaltyKind: '处罚种类',
  fineAmountYuan: '罚款金额',
  performance: '履行方式和期限',
  remedies: '救济途径和期限',
  issuingAuthority: '作出决定的机关',
  decisionDate: '决定日期',
  chair: '主持人',
  discussion: '讨论情况',
  conclusion: '结论',
  subject: '审批事项',
  approved: '是否批准',
  opinion: '意见',
  approvedAt: '审批时间',
  relatedRecordId: '相关记录',
  reviewId: '审核编号',
  opinionId: '审核意见编号',
  round: '审核轮次',
  outcome: '审核结论',
  reasons: '理由',
  reviewPoints: '审核要点',
  point: '审核事项',
  finding: '审核情况',
  reviewerId: '审核人编号',
  reviewerName: '审核人',
  issuedAt: '出具时间',
  document: '送达文书',
  servedAt: '送达时间',
  servedBy: '送达人',
  recipient: '受送达人',
  receiptSignedBy: '签收人',
  signerRelation: '签收人身份',
  trackingNumber: '邮件单号',
  postedAt: '交寄时间',
  receiptReturnedAt: '回执退回时间',
  channel: '公告载体',
  noticeText: '公告内容',
  publishedAt: '公告时间',
  recordedAt: '记录时间',
  performedAt: '履行时间',
  details: '情况',
  appliedAt: '申请时间',
  court: '人民法院',
  applicationDocumentNumber: '申请书文号',
  rulingDocumentNumber: '裁定书文号',
  ruling: '裁定内容',
  documents: '文书',
  correctsRecordId: '被更正的记录',
  field: '更正事项',
  corrected: '更正后内容',
  evidenceIds: '关联证据文件',
  note: '备注',
  serviceMethod: '送达方式',
  obligations: '催告履行的义务',
  performBy: '履行期限',
  partyStatement: '当事人陈述申辩',
  remediesNotified: '告知的救济途径',
  filedAt: '申请或起诉日期',
  body: '复议机关或人民法院',
  reference: '案号',
  claims: '请求事项',
  outcomeDocumentNumber: '结果文书编号',
  outcomeSummary: '结果说明',
  interruptedAt: '中断时间',
  cause: '中断原因',
  explanation: '说明',
  resumedAt: '恢复记录时间',
  permanent: '是否确实无法继续记录',
  reportedToHead: '报告的负责人',
  personId: '人员编号',
  textRecordIds: '相应的文字记录',
};

const fieldOrder = new Map(Object.keys(fieldLabel).map((key, i) => [key, i]));
const fieldRank = (key: string) => fieldOrder.get(key) ?? fieldOrder.size;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface TFieldContext {
  /** Evidence id → how the case file names it (e.g. `证据 3：现场照片.jpg`). */
  evidenceName: (id: string) => string | undefined;
  /** Record id → how the case file names it (e.g. `第 4 份 询问笔录`). */
  recordName: (id: string) => string | undefined;
}

const idKeys = new Set(['evidenceId', 'evidenceIds', 'correctsRecordId', 'relatedRecordId', 'textRecordIds']);

function scalar(key: string, value: unknown, ctx: TFieldContext): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return key === 'fineAmountYuan' ? formatYuan(value) : String(value);
  const s = String(value);
  if (key === 'evidenceId' || key === 'evidenceIds') return ctx.evidenceName(s) ?? `证据文件（编号 ${s}）`;
  if (idKeys.has(key)) return ctx.recordName(s) ?? `记录（编号 ${s}）`;
  const word = valueLabel[key]?.[s];
  if (word) return word;
  if (INSTANT.test(s) && !Number.isNaN(Date.parse(s))) return formatDateTime(s);
  if (DATE.test(s)) return formatDate(s);
  return s;
}

export { formatYuan };

function toValue(key: string, value: unknown, ctx: TFieldContext): string | TField[] {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object'))
      return value.map((v) => scalar(key, v, ctx)).join('、');
    return value.map((v, i) => ({ label: `第 ${i + 1} 项`, value: toValue(key, v, ctx) }));
  }
  if (value !== null && typeof value === 'object') return recordFields(value as Record<string, unknown>, ctx);
  return scalar(key, value, ctx);
}

/** The labelled fields of a record's content (or any nested part of it). */
export function recordFields(content: Record<string, unknown>, ctx: TFieldContext): TField[] {
  return (
    Object.entries(content)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      // In the order of the label table (开始时间 before 结束时间, 问 before 答), not of the JSON.
      .sort(([a], [b]) => fieldRank(a) - fieldRank(b))
      .map(([key, v]) => ({ label: fieldLabel[key] ?? '其他信息', value: toValue(key, v, ctx) }))
  );
}

/** A record kind's name; an unknown (old or newer) kind still gets a Chinese heading. */
export const recordTitle = (kind: string) => recordKindLabel[kind as TRecordKind] ?? '其他记录';

export const stageLabel = (stage: string) => valueLabel.stage![stage] ?? stage;
export const caseStatusText = (status: string) =>
  ({ open: '办理中', closed: '已结案', archived: '已归档' })[status] ?? status;
export const mediaKindText = (kind: string) => evidenceMediaKindLabel[kind as TEvidenceMediaKind] ?? kind;
export const retentionModeText = (mode: string) =>
  ({ COMPLIANCE: '合规锁定（不可删改）', GOVERNANCE: '治理锁定' })[mode] ?? mode;

/**
 * How the case file names its records and evidence (`第 4 份 询问笔录`, `证据 3：现场照片.jpg`),
 * given the records in case-file order and the evidence in export order.
 */
export function caseFileNames(
  ordered: readonly { id: string; kind: string }[],
  evidence: readonly { id: string; fileName: string }[],
): TFieldContext {
  const evidenceNumber = new Map(evidence.map((e, i) => [e.id, i + 1]));
  const recordNumber = new Map(ordered.map((r, i) => [r.id, i + 1]));
  return {
    evidenceName: (id) => {
      const n = evidenceNumber.get(id);
      return n ? `证据 ${n}：${evidence[n - 1]!.fileName}` : undefined;
    },
    recordName: (id) => {
      const n = recordNumber.get(id);
      return n ? `第 ${n} 份 ${recordTitle(ordered[n - 1]!.kind)}` : undefined;
    },
  };
}
export const partyKindText = (kind: string) => valueLabel.partyKind![kind] ?? kind;
