import type { TReader } from '@sanxiang/shared';
import type { Disclosure, DisclosureVersion } from '../generated/prisma/client';
import { prismaOf } from './prisma-client';

// What the periodic reports (统计年报, monthly 双随机 results, quarterly 黑名单) are compiled from.

type TRange = { gte: Date; lt: Date };

/**
 * Published decisions (at most 5000, by decision date and document number), each with its published
 * version: random-inspection decisions of `decisionDates`, or those blacklisted in `blacklistedAt`.
 */
export async function publishedDecisionsWithVersion(
  db: TReader,
  filter: { randomInspection: true; decisionDates: TRange } | { blacklistedAt: TRange },
): Promise<{ row: Disclosure; version: DisclosureVersion | undefined }[]> {
  const rows = await prismaOf(db).disclosure.findMany({
    where: {
      kind: 'decision',
      status: 'published',
      ...('blacklistedAt' in filter
        ? { blacklistedAt: filter.blacklistedAt }
        : { randomInspection: true, decisionDate: filter.decisionDates }),
    },
    orderBy: [{ decisionDate: 'asc' }, { documentNumber: 'asc' }],
    take: 5000,
  });
  const versions = await prismaOf(db).disclosureVersion.findMany({
    where: { OR: rows.map((r) => ({ disclosureId: r.id, version: r.publishedVersion ?? -1 })) },
  });
  const byId = new Map(versions.map((v) => [v.disclosureId, v]));
  return rows.map((row) => ({ row, version: byId.get(row.id) }));
}

/**
 * A year's rows for the 统计年报: decisions by decision date (`dates`); withdrawals, expiries,
 * corrections and correction requests by when they happened (`instants`).
 */
export async function annualStatisticsRows(db: TReader, dates: TRange, instants: TRange) {
  const decisions = await prismaOf(db).disclosure.findMany({
    where: { kind: 'decision', decisionDate: dates },
    select: { decisionKind: true, status: true, publishedAt: true, dueAt: true, exemptionReason: true },
  });
  const withdrawn = await prismaOf(db).disclosure.findMany({
    where: { kind: 'decision', withdrawnAt: instants },
    select: { withdrawalReason: true },
  });
  const expired = await prismaOf(db).disclosure.count({
    where: { kind: 'decision', expiredAt: instants },
  });
  const corrections = await prismaOf(db).disclosureVersion.count({
    where: { purpose: 'correction', createdAt: instants, disclosure: { kind: 'decision' } },
  });
  const correctionRequests = await prismaOf(db).correctionRequest.count({
    where: { receivedAt: instants },
  });
  return { decisions, withdrawn, expired, corrections, correctionRequests };
}
