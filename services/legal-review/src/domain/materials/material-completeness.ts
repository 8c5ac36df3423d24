import { alwaysRequiredMaterials } from '@sanxiang/shared/src/contracts';
import type { TSubmissionMaterialKind } from '@sanxiang/shared/src/domain';

/**
 * 审核办法 §8: the five kinds every major submission carries, plus the hearing record or assessment
 * report where there was one (the handler declares it). The same rule as `checkProposal`.
 */
export function requiredMaterialKinds(hearingOrAssessmentHeld: boolean): TSubmissionMaterialKind[] {
  return hearingOrAssessmentHeld
    ? [...alwaysRequiredMaterials, 'hearingOrAssessment']
    : [...alwaysRequiredMaterials];
}

export function missingMaterialKinds(
  hearingOrAssessmentHeld: boolean,
  materials: readonly { kind: TSubmissionMaterialKind }[],
): TSubmissionMaterialKind[] {
  const present = new Set(materials.map((m) => m.kind));
  return requiredMaterialKinds(hearingOrAssessmentHeld).filter((k) => !present.has(k));
}
