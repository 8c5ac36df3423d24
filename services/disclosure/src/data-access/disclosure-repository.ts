import { AppError } from '@sanxiang/shared';
import type { Disclosure, DisclosureVersion, Prisma } from '../generated/prisma/client';
import type { ReviewAction, VersionPurpose } from '../generated/prisma/enums';
import type { TActor } from './audit-log';
import type { TTx } from './prisma-client';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/**
 * Reads the disclosure and locks its row until the transaction ends, so that concurrent review steps
 * on one record apply one after the other against the state they checked.
 */
export async function lockDisclosure(tx: TTx, id: string): Promise<Disclosure> {
  if (!UUID.test(id)) throw new AppError('notFound', '公示记录不存在');
  await tx.$queryRaw`SELECT 1 FROM "Disclosure" WHERE id = ${id}::uuid FOR UPDATE`;
  const row = await tx.disclosure.findUnique({ where: { id } });
  if (!row) throw new AppError('notFound', '公示记录不存在');
  return row;
}

export async function findDisclosure(tx: TTx, id: string) {
  if (!UUID.test(id)) return null;
  return tx.disclosure.findUnique({ where: { id } });
}

export async function findDecisionByCaseCycle(tx: TTx, caseNumber: string, cycle: number) {
  return tx.disclosure.findUnique({ where: { caseNumber_cycle: { caseNumber, cycle } } });
}

export async function getVersion(tx: TTx, disclosureId: string, version: number): Promise<DisclosureVersion> {
  const row = await tx.disclosureVersion.findUnique({
    where: { disclosureId_version: { disclosureId, version } },
  });
  if (!row) throw new AppError('notFound', `版本 ${version} 不存在`);
  return row;
}

export interface TNewVersion {
  disclosureId: string;
  version: number;
  purpose: VersionPurpose;
  note?: string | undefined;
  source: unknown;
  redactionRules: unknown;
  publicContent: unknown;
  redactionReport: unknown;
  correctionRequestId?: string | undefined;
}

/** Versions are append-only: created here, never updated or deleted anywhere. */
export async function addVersion(tx: TTx, v: TNewVersion, actor: TActor): Promise<DisclosureVersion> {
  return tx.disclosureVersion.create({
    data: {
      disclosureId: v.disclosureId,
      version: v.version,
      purpose: v.purpose,
      note: v.note ?? null,
      source: v.source as Prisma.InputJsonValue,
      redactionRules: v.redactionRules as Prisma.InputJsonValue,
      publicContent: v.publicContent as Prisma.InputJsonValue,
      redactionReport: v.redactionReport as Prisma.InputJsonValue,
      correctionRequestId: v.correctionRequestId ?? null,
      createdBy: actor.id,
      createdByName: actor.name,
    },
  });
}

export async function addReviewStep(
  tx: TTx,
  step: { disclosureId: string; version: number; action: ReviewAction; note?: string | undefined; at: Date },
  actor: TActor,
) {
  return tx.reviewStep.create({
    data: {
      disclosureId: step.disclosureId,
      version: step.version,
      action: step.action,
      note: step.note ?? null,
      at: step.at,
      actorId: actor.id,
      actorName: actor.name,
    },
  });
}

/** Review steps of one version, oldest first. */
export async function reviewStepsOf(tx: TTx, disclosureId: string, version: number) {
  return tx.reviewStep.findMany({
    where: { disclosureId, version },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
}

export async function updateDisclosure(
  tx: TTx,
  id: string,
  data: Prisma.DisclosureUpdateInput,
): Promise<Disclosure> {
  return tx.disclosure.update({ where: { id }, data });
}
