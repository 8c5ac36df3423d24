import { AppError } from '@sanxiang/shared';
import type { Disclosure, DisclosureVersion, Prisma } from '../generated/prisma/client';
import type {
  DisclosureKind,
  DisclosureStatus,
  ReviewAction,
  ReviewStage,
  VersionPurpose,
} from '../generated/prisma/enums';
import type { TActor } from './audit-log';
import type { TReader, TTransaction } from '@sanxiang/shared';
import { prismaOf } from './prisma-client';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/**
 * Reads the disclosure and locks its row until the transaction ends, so that concurrent review steps
 * on one record apply one after the other against the state they checked.
 */
export async function lockDisclosure(tx: TTransaction, id: string): Promise<Disclosure> {
  if (!UUID.test(id)) throw new AppError('notFound', '公示记录不存在');
  await prismaOf(tx).$queryRaw`SELECT 1 FROM "Disclosure" WHERE id = ${id}::uuid FOR UPDATE`;
  const row = await prismaOf(tx).disclosure.findUnique({ where: { id } });
  if (!row) throw new AppError('notFound', '公示记录不存在');
  return row;
}

export async function findDisclosure(tx: TReader, id: string) {
  if (!UUID.test(id)) return null;
  return prismaOf(tx).disclosure.findUnique({ where: { id } });
}

export async function findDecisionByCaseCycle(tx: TReader, caseNumber: string, cycle: number) {
  return prismaOf(tx).disclosure.findUnique({ where: { caseNumber_cycle: { caseNumber, cycle } } });
}

export async function getVersion(
  tx: TReader,
  disclosureId: string,
  version: number,
): Promise<DisclosureVersion> {
  const row = await prismaOf(tx).disclosureVersion.findUnique({
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
export async function addVersion(
  tx: TTransaction,
  v: TNewVersion,
  actor: TActor,
): Promise<DisclosureVersion> {
  return prismaOf(tx).disclosureVersion.create({
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
  tx: TTransaction,
  step: { disclosureId: string; version: number; action: ReviewAction; note?: string | undefined; at: Date },
  actor: TActor,
) {
  return prismaOf(tx).reviewStep.create({
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
export async function reviewStepsOf(tx: TReader, disclosureId: string, version: number) {
  return prismaOf(tx).reviewStep.findMany({
    where: { disclosureId, version },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
}

export async function updateDisclosure(
  tx: TTransaction,
  id: string,
  data: Prisma.DisclosureUpdateInput,
): Promise<Disclosure> {
  return prismaOf(tx).disclosure.update({ where: { id }, data });
}

/** A new record (decision draft, catalogue entry, periodic report); its first version follows. */
export async function createDisclosure(
  tx: TTransaction,
  data: Prisma.DisclosureUncheckedCreateInput,
): Promise<Disclosure> {
  return prismaOf(tx).disclosure.create({ data });
}

/** The periodic report of a kind and period, if compiled. */
export async function findReport(db: TReader, kind: DisclosureKind, period: string) {
  return prismaOf(db).disclosure.findUnique({ where: { kind_period: { kind, period } } });
}

/** Which of these ids are catalogue entries. */
export async function catalogueEntryIds(db: TReader, ids: string[]): Promise<Set<string>> {
  const rows = await prismaOf(db).disclosure.findMany({
    where: { id: { in: ids }, kind: 'catalogueEntry' },
    select: { id: true },
  });
  return new Set(rows.map((r) => r.id));
}

/**
 * The records a staff list shows the caller (disclosure by unit, domain/decisions/disclosure-access.ts):
 * all of them, or those without a unit and those of `unitId` (null: only those without a unit).
 */
export type TDisclosureScope = { all: true } | { all: false; unitId: string | null };

const scopeWhere = (scope: TDisclosureScope): Prisma.DisclosureWhereInput =>
  scope.all
    ? {}
    : scope.unitId === null
      ? { unitId: null }
      : { OR: [{ unitId: null }, { unitId: scope.unitId }] };

export interface TDisclosureFilter {
  kind?: DisclosureKind | undefined;
  status?: DisclosureStatus | undefined;
  reviewStage?: ReviewStage | undefined;
  caseNumber?: string | undefined;
  /** Records with an open withdrawal or non-publication request at this step. */
  outcomeStage?: 'awaitingCheck' | 'awaitingApproval' | undefined;
}

/** A page of the staff list, earliest deadline first (records without one last), and the total. */
export async function listDisclosurePage(
  db: TReader,
  filter: TDisclosureFilter,
  scope: TDisclosureScope,
  page: { skip: number; take: number },
): Promise<[Disclosure[], number]> {
  const where: Prisma.DisclosureWhereInput = {
    ...scopeWhere(scope),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.reviewStage ? { reviewStage: filter.reviewStage } : {}),
    ...(filter.caseNumber ? { caseNumber: filter.caseNumber } : {}),
    ...(filter.outcomeStage ? { outcomeRequests: { some: { stage: filter.outcomeStage } } } : {}),
  };
  return Promise.all([
    prismaOf(db).disclosure.findMany({
      where,
      orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'desc' }],
      skip: page.skip,
      take: page.take,
    }),
    prismaOf(db).disclosure.count({ where }),
  ]);
}

/**
 * Decisions recorded not published (decided in `decisionDates` when given), newest decision first,
 * each with its approved non-publication request (none for one the decision's plan recorded).
 */
export async function listExemptDecisions(
  db: TReader,
  scope: TDisclosureScope,
  decisionDates: { gte: Date; lt: Date } | undefined,
) {
  return prismaOf(db).disclosure.findMany({
    where: {
      ...scopeWhere(scope),
      kind: 'decision',
      status: 'exempt',
      ...(decisionDates ? { decisionDate: decisionDates } : {}),
    },
    orderBy: [{ decisionDate: 'desc' }, { id: 'asc' }],
    include: { outcomeRequests: { where: { kind: 'nonPublication', stage: 'approved' } } },
  });
}

/** Every version of a record, first first. */
export async function listVersions(db: TReader, disclosureId: string) {
  return prismaOf(db).disclosureVersion.findMany({ where: { disclosureId }, orderBy: { version: 'asc' } });
}

/** Every review step of a record, oldest first. */
export async function listReviewSteps(db: TReader, disclosureId: string) {
  return prismaOf(db).reviewStep.findMany({
    where: { disclosureId },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
}

/** The newest correction version written for a public correction request. */
export async function latestCorrectionVersion(
  db: TReader,
  disclosureId: string,
  correctionRequestId: string,
) {
  return prismaOf(db).disclosureVersion.findFirst({
    where: { disclosureId, correctionRequestId, purpose: 'correction' },
    orderBy: { version: 'desc' },
  });
}

/** The decisions of `decisionDates` a caller reaches, oldest decision first: what the completeness check reads. */
export async function decisionsForCompleteness(
  db: TReader,
  scope: TDisclosureScope,
  decisionDates: { gte: Date; lt: Date },
) {
  return prismaOf(db).disclosure.findMany({
    where: { ...scopeWhere(scope), kind: 'decision', decisionDate: decisionDates },
    select: {
      id: true,
      status: true,
      caseNumber: true,
      cycle: true,
      documentNumber: true,
      decisionKind: true,
      decisionDate: true,
      unitId: true,
      dueAt: true,
      publishedAt: true,
      exemptionReason: true,
    },
    orderBy: [{ decisionDate: 'asc' }, { id: 'asc' }],
  });
}
