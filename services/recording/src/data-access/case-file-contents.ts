import type { TReader } from '@sanxiang/shared';
import { prismaOf } from './prisma-client';

/** Everything filed in a case, in filing order: what viewing and exporting the case file show. */
export async function loadCaseFileContents(reader: TReader, caseId: string) {
  const db = prismaOf(reader);
  const [records, activities, evidence, escalations, transitions] = await Promise.all([
    db.caseRecord.findMany({ where: { caseId }, orderBy: { seq: 'asc' } }),
    db.enforcementActivity.findMany({ where: { caseId }, orderBy: { startedAt: 'asc' } }),
    db.evidence.findMany({ where: { caseId }, orderBy: { uploadedAt: 'asc' }, include: { lock: true } }),
    db.escalation.findMany({ where: { caseId }, orderBy: { at: 'asc' } }),
    db.stageTransition.findMany({ where: { caseId }, orderBy: { at: 'asc' } }),
  ]);
  return { records, activities, evidence, escalations, transitions };
}
