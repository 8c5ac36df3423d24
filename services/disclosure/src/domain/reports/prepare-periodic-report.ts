import { dateInShanghai, fromDateColumn } from '@sanxiang/shared/src/calendar';
import { statisticsPeriodRange } from '@sanxiang/shared/src/contracts';
import { z } from 'zod';
import { AppError, type TReader } from '@sanxiang/shared';
import { disclosureSubject, writeAudit } from '../../data-access/audit-log';
import { addVersion, createDisclosure, findReport } from '../../data-access/disclosure-repository';
import { lockKey } from '../../data-access/locks';
import { annualStatisticsRows, publishedDecisionsWithVersion } from '../../data-access/report-repository';
import type { TCommandContext } from '../../data-access/unit-of-work';
import { contentKinds } from '../content-kinds';
import { quarterLastDay, startDutyClock } from '../duty-clocks';
import { ZPublicDecisionContent } from '../decisions/decision-content';
import type {
  TAnnualStatisticsContent,
  TCreditBlacklistContent,
  TRandomInspectionResultsContent,
} from './report-content';
import type { TServiceFigures } from './statistics';

// Years 2000–2099: the working-day calendar and the clocks reach no further (schemathesis sent the
// year 8196, which answered 500 while the duty clock's due date was computed).
export const ZPrepareReport = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('randomInspectionResults'),
    period: z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/u, '应为 2000–2099 年的年月，如 2026-03'),
  }),
  z.object({
    kind: z.literal('creditBlacklist'),
    period: z.string().regex(/^20\d{2}-Q[1-4]$/u, '应为 2000–2099 年的年份加季度，如 2026-Q1'),
  }),
  z.object({
    kind: z.literal('annualStatistics'),
    period: z.string().regex(/^20\d{2}$/u, '应为 2000–2099 年的四位年份，如 2026'),
  }),
]);
export type TPrepareReport = z.infer<typeof ZPrepareReport>;

/**
 * A report's period (`2026`, `2026-Q1`, `2026-03`) as Beijing calendar days: `dates` bounds a `date`
 * column (decision dates), `instants` bounds an instant column from Beijing midnight to Beijing
 * midnight (an event at 00:30 on 1 January, Beijing time, belongs to the new year).
 */
export function periodRange(period: string): {
  dates: { gte: Date; lt: Date };
  instants: { gte: Date; lt: Date };
} {
  const range = statisticsPeriodRange(period);
  if (!range) throw new AppError('validation', `无法识别的期间 ${period}`);
  return range;
}

/** Published decisions, in their public (redacted) version: only what the platform shows. */
async function publishedVersions(db: TReader, filter: Parameters<typeof publishedDecisionsWithVersion>[1]) {
  const rows = await publishedDecisionsWithVersion(db, filter);
  return rows.flatMap(({ row, version }) =>
    version ? [{ row, content: ZPublicDecisionContent.parse(version.publicContent) }] : [],
  );
}

/**
 * The disclosure service's own figures of a period (a year, a quarter or a month), by decision date
 * (exemptions and withdrawals by when they happened).
 */
export async function computeDisclosureFigures(
  db: TReader,
  period: string,
): Promise<Omit<TAnnualStatisticsContent, 'year' | 'services' | 'note'>> {
  const { dates, instants } = periodRange(period);
  const { decisions, withdrawn, expired, corrections, correctionRequests } = await annualStatisticsRows(
    db,
    dates,
    instants,
  );
  const count = <T>(items: T[], key: (t: T) => string | null | undefined) =>
    items.reduce<Record<string, number>>((acc, t) => {
      const k = key(t);
      if (k) acc[k] = (acc[k] ?? 0) + 1;
      return acc;
    }, {});
  const published = decisions.filter((d) => d.publishedAt !== null);
  const onTime = published.filter((d) => d.dueAt === null || d.publishedAt! <= d.dueAt);
  const exempt = decisions.filter((d) => d.status === 'exempt');
  return {
    byDecisionKind: count(decisions, (d) => d.decisionKind),
    published: published.length,
    publishedOnTime: onTime.length,
    publishedLate: published.length - onTime.length,
    exempt: exempt.length,
    exemptByReason: count(exempt, (d) => d.exemptionReason),
    withdrawn: withdrawn.length,
    withdrawnByReason: count(withdrawn, (d) => d.withdrawalReason),
    expired,
    corrections,
    correctionRequests,
  };
}

/** 统计年报 figures of a year: the service's own, and (when given) what the other services counted. */
export async function computeAnnualStatistics(
  db: TReader,
  year: number,
  services?: TServiceFigures,
): Promise<TAnnualStatisticsContent> {
  return { year, ...(await computeDisclosureFigures(db, String(year))), ...(services ? { services } : {}) };
}

async function buildContent(tx: TReader, input: TPrepareReport, services?: TServiceFigures) {
  const { dates, instants } = periodRange(input.period);
  if (input.kind === 'randomInspectionResults') {
    const items = await publishedVersions(tx, { randomInspection: true, decisionDates: dates });
    const content: TRandomInspectionResultsContent = {
      period: input.period,
      items: items.map(({ content }) => ({
        documentNumber: content.documentNumber,
        partyName: content.partyName,
        decisionDate: content.decisionDate,
        result: content.decision,
        issuingAuthority: content.issuingAuthority,
      })),
    };
    return content;
  }
  if (input.kind === 'creditBlacklist') {
    const items = await publishedVersions(tx, { blacklistedAt: instants });
    const content: TCreditBlacklistContent = {
      period: input.period,
      items: items.map(({ row, content }) => ({
        partyName: content.partyName,
        documentNumber: content.documentNumber,
        basis: row.blacklistBasis ?? '',
        listedAt: row.blacklistedAt
          ? dateInShanghai(row.blacklistedAt)
          : row.decisionDate
            ? fromDateColumn(row.decisionDate)
            : '',
        issuingAuthority: content.issuingAuthority,
      })),
    };
    return content;
  }
  return computeAnnualStatistics(tx, Number(input.period), services);
}

/**
 * A Schedule's run (POST /internal/reports): compile the period's report from published records as a
 * draft for internal review. Idempotent by kind and period: a repeat returns the existing draft.
 */
export async function preparePeriodicReport(
  ctx: TCommandContext,
  input: TPrepareReport,
  /** For the annual statistics: what recording, legal-review and inspection counted for the year. */
  services?: TServiceFigures,
) {
  const { tx, actor } = ctx;
  await lockKey(tx, `report:${input.kind}:${input.period}`);
  const existing = await findReport(tx, input.kind, input.period);
  if (existing)
    return { status: 200, body: { disclosureId: existing.id, status: existing.status, created: false } };
  const content = await buildContent(tx, input, services);
  const kind = contentKinds[input.kind];
  const source = kind.source.parse(content);
  const d = await createDisclosure(tx, {
    kind: input.kind,
    status: 'draft',
    reviewStage: 'editing',
    workingVersion: 1,
    title: kind.title(source),
    period: input.period,
  });
  await addVersion(
    tx,
    {
      disclosureId: d.id,
      version: 1,
      purpose: 'initial',
      note: '由定时任务生成',
      source,
      redactionRules: [],
      publicContent: source,
      redactionReport: [],
    },
    actor,
  );
  const link = `/disclosures/${d.id}`;
  if (input.kind === 'creditBlacklist') {
    // Quarterly (004 §13): 10 working days after the quarter's last day, escalating.
    await startDutyClock(ctx, {
      kind: 'creditBlacklist',
      subjectId: input.period,
      title: d.title,
      link,
      caseNumber: null,
      start: quarterLastDay(input.period),
    });
  } else if (input.kind === 'annualStatistics') {
    // Published by 10 January (002 4(5)); the internal report by 31 January (001).
    const dueYear = Number(input.period) + 1;
    for (const kind of ['annualStatisticsPublication', 'annualStatisticsReport'] as const) {
      await startDutyClock(ctx, {
        kind,
        subjectId: input.period,
        title: d.title,
        link,
        caseNumber: null,
        dueYear,
      });
    }
  }
  await writeAudit(tx, actor, 'report.prepared', disclosureSubject(d.id), {
    kind: input.kind,
    period: input.period,
  });
  return { status: 201, body: { disclosureId: d.id, status: d.status, created: true } };
}
