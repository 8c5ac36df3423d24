import { AppError, type TFieldError, type TReader } from '@sanxiang/shared';
import type { TSubmissionMaterial } from '@sanxiang/shared/src/contracts';
import { materialRules } from '@sanxiang/shared/src/contracts/proposal-materials';
import {
  materialKindLabel,
  recordKindLabel,
  type TRecordKind,
  type TSubmissionMaterialKind,
} from '@sanxiang/shared/src/domain';
import { listEvidenceAmong } from '../../data-access/evidence-repository';
import { listRecordsAmong } from '../../data-access/record-repository';
import type { TCaseFileWithOfficers } from '../access/case-access';

// What each material must be in the case file is shared (the staff console shows the checklist).
export { materialRules } from '@sanxiang/shared/src/contracts/proposal-materials';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const expectation = (kind: TSubmissionMaterialKind) => {
  const rule = materialRules[kind];
  const records = rule.records === 'any' ? ['本案任一记录'] : rule.records.map((k) => recordKindLabel[k]);
  const evidence = { any: ['证据文件'], documents: ['文书类证据文件'], no: [] }[rule.evidence];
  return [...records, ...evidence].join('或');
};

/**
 * Checks each material against the case file: it exists in this case, it is of a kind that can be
 * that material, a draft decision document is a draft, and no document stands for two materials.
 * Answers 400 naming every offending `body.materials.N.documentId`.
 */
export async function requireMaterialsOfKind(
  db: TReader,
  file: TCaseFileWithOfficers,
  materials: readonly TSubmissionMaterial[],
) {
  const ids = [
    ...new Set(materials.flatMap((m) => (m.documentId && uuid.test(m.documentId) ? [m.documentId] : []))),
  ];
  const [records, evidence] = await Promise.all([
    listRecordsAmong(db, file.id, ids),
    listEvidenceAmong(db, file.id, ids),
  ]);
  const recordById = new Map(records.map((r) => [r.id, r]));
  const evidenceById = new Map(evidence.map((e) => [e.id, e]));
  const claimedBy = new Map<string, TSubmissionMaterialKind>();
  const fields: TFieldError[] = [];
  materials.forEach((m, i) => {
    if (!m.documentId) return; // 无 (checked by the schema: only for otherMaterials)
    const path = `body.materials.${i}.documentId`;
    const label = `“${m.title}”（${materialKindLabel[m.kind]}）`;
    const rule = materialRules[m.kind];
    const record = recordById.get(m.documentId);
    const file = evidenceById.get(m.documentId);
    if (!record && !file) {
      fields.push({ path, message: `${label}不是本案的记录或证据` });
      return;
    }
    const fits = record
      ? rule.records === 'any' || rule.records.includes(record.kind as TRecordKind)
      : rule.evidence === 'any' || (rule.evidence === 'documents' && file!.mediaKind === 'document');
    if (!fits) {
      const actual = record ? (recordKindLabel[record.kind as TRecordKind] ?? '记录') : '证据文件';
      fields.push({ path, message: `${label}应为${expectation(m.kind)}，所指材料是${actual}` });
      return;
    }
    const earlier = claimedBy.get(m.documentId);
    if (earlier && earlier !== m.kind) {
      fields.push({
        path,
        message: `${label}已作为${materialKindLabel[earlier]}提交，同一材料不能充当两种送审材料`,
      });
      return;
    }
    claimedBy.set(m.documentId, m.kind);
    if (m.kind === 'draftDecisionDocument' && (record!.content as { status?: string }).status !== 'draft') {
      fields.push({ path, message: `${label}应为决定书代拟稿，所指决定书已签发` });
    }
  });
  if (fields.length > 0) {
    throw new AppError('validation', `送审材料与本案案卷不符：${fields.map((f) => f.message).join('；')}`, {
      fields,
    });
  }
}
