import type { TDisclosurePlan } from '@sanxiang/shared/src/contracts';
import type { TExemptionReason } from '@sanxiang/shared/src/domain';
import { AppError } from '@sanxiang/shared';
import { redactableFields, type TRedactableField } from '../decisions/decision-content';

export interface TRedactionPlanItem {
  field: TRedactableField;
  reason: TExemptionReason;
}

// The contract's `redactions[].field` is free text; these spellings are accepted besides our names.
const aliases: Record<string, TRedactableField> = {
  party: 'partyName',
  'party.name': 'partyName',
  行政相对人: 'partyName',
  法定代表人: 'legalRepresentative',
  执法方式: 'enforcementMethod',
  执法内容: 'content',
  违法事实: 'content',
  执法决定: 'decision',
  处理决定: 'decision',
  处罚种类: 'penaltyKind',
  依据: 'legalBasis',
  执法依据: 'legalBasis',
  履行方式和期限: 'performance',
  执法机关: 'issuingAuthority',
};

/**
 * The decision's redaction plan (`disclosure.mode = redact`) as withheld fields. A field we do not
 * publish under that name is refused (400 naming it) rather than ignored: ignoring it could publish
 * what the decision-maker meant to hold back.
 */
export function planToRedactions(plan: TDisclosurePlan): TRedactionPlanItem[] {
  if (plan.mode !== 'redact') return [];
  const problems: { path: string; message: string }[] = [];
  const items = plan.redactions.flatMap((r, i) => {
    const field = (redactableFields as readonly string[]).includes(r.field)
      ? (r.field as TRedactableField)
      : aliases[r.field.trim()];
    if (!field) {
      problems.push({
        path: `body.disclosure.redactions.${i}.field`,
        message: `未知的公示字段“${r.field}”，可选：${redactableFields.join(', ')}`,
      });
      return [];
    }
    return [{ field, reason: r.reason }];
  });
  if (problems.length > 0) {
    throw new AppError('validation', `以下字段不合法: ${problems.map((p) => p.path).join(', ')}`, {
      fields: problems,
    });
  }
  return items;
}
