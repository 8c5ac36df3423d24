import { z } from 'zod';
import { AppError } from '@sanxiang/shared';
import type { Disclosure, ReviewStage } from '../../data-access/rows';

/** Every review action names the version it acts on: what was checked is what gets approved. */
export const ZReviewBase = z.object({
  version: z.number().int().min(1),
  note: z.string().trim().min(1).max(2000).optional(),
});

export function assertStage(d: Disclosure, stage: ReviewStage, version: number): void {
  if (d.reviewStage !== stage) {
    const now = d.reviewStage ?? '无待审核版本';
    throw new AppError('conflict', `当前审核环节为“${now}”，不能执行此操作`, {
      extra: { reviewStage: d.reviewStage, disclosureStatus: d.status },
    });
  }
  if (version !== d.workingVersion) {
    throw new AppError('conflict', `待审核的是版本 ${d.workingVersion}，不是版本 ${version}`, {
      extra: { workingVersion: d.workingVersion },
    });
  }
}
