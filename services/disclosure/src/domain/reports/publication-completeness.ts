import { z } from 'zod';
import { fromDateColumn } from '@sanxiang/shared/src/calendar';
import type { TReader } from '@sanxiang/shared';
import { decisionsForCompleteness, type TDisclosureScope } from '../../data-access/disclosure-repository';

/**
 * 选择性公示 (004 §18, 003 五, 000 §19: "不按要求公示、选择性公示、更新维护不及时…责令改正"): every
 * decision the case system pushed here (the lifecycle drafts each one when it is made, 002 5(3))
 * set against what became of it. A decision is either published (on time or late), not published
 * by an approved non-publication (不予公开, with its ground), stopped because it was revoked before
 * publication, still within its 7-working-day period, or past that period without any of these —
 * the finding. A unit that published some decisions of the year while leaving others unpublished
 * past their due date without an approved exemption is flagged `selective`; each such decision is
 * listed for the heads with its due date, and the exemptions are counted by ground per unit so a
 * unit exempting a large share is seen too.
 */

export const ZPublicationCompletenessQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
});

export const ZPublicationOutcome = z.enum([
  'publishedOnTime', // 按期公开
  'publishedLate', // 逾期公开
  'exempt', // 经批准不予公开
  'revokedBeforePublication', // 公开前被撤销（附说明）
  'pending', // 尚在公开期限内
  'overdue', // 逾期未公开，也未经批准不予公开
]);
export type TPublicationOutcome = z.infer<typeof ZPublicationOutcome>;

export const publicationOutcomeLabel: Record<TPublicationOutcome, string> = {
  publishedOnTime: '按期公开',
  publishedLate: '逾期公开',
  exempt: '经批准不予公开',
  revokedBeforePublication: '公开前被撤销',
  pending: '尚在公开期限内',
  overdue: '逾期未公开',
};

const ZCounts = z.object({
  decided: z.number().int(),
  publishedOnTime: z.number().int(),
  publishedLate: z.number().int(),
  exempt: z.number().int(),
  revokedBeforePublication: z.number().int(),
  pending: z.number().int(),
  overdue: z.number().int(),
});
type TCounts = z.infer<typeof ZCounts>;

/** Documented shape of `GET /publication-completeness` (OpenAPI). */
export const ZPublicationCompleteness = z.object({
  year: z.number().int(),
  asOf: z.string(),
  totals: ZCounts,
  byUnit: z.array(
    ZCounts.extend({
      unitId: z.string().nullable(),
      exemptByReason: z.record(z.string(), z.number().int()),
      /** Published some decisions of the year and left others unpublished past their due date. */
      selective: z.boolean(),
    }),
  ),
  /** Each decision not published on time: the unpublished first, then the late; earliest due first. */
  findings: z.array(
    z.object({
      id: z.uuid(),
      caseNumber: z.string().nullable(),
      cycle: z.number().int().nullable(),
      documentNumber: z.string().nullable(),
      decisionKind: z.string().nullable(),
      decisionDate: z.string().nullable(),
      unitId: z.string().nullable(),
      dueAt: z.string().nullable(),
      publishedAt: z.string().nullable(),
      outcome: ZPublicationOutcome,
      outcomeLabel: z.string(),
    }),
  ),
  /** Some unit published selectively this year. */
  selective: z.boolean(),
  /** One Chinese sentence for the head. */
  summary: z.string(),
});
export type TPublicationCompleteness = z.infer<typeof ZPublicationCompleteness>;

type TRow = {
  status: string;
  dueAt: Date | null;
  publishedAt: Date | null;
};

/** What became of one decision, seen at `now`. */
export function publicationOutcomeOf(d: TRow, now: Date): TPublicationOutcome {
  if (d.publishedAt) return d.dueAt && d.publishedAt > d.dueAt ? 'publishedLate' : 'publishedOnTime';
  if (d.status === 'exempt') return 'exempt';
  if (d.status === 'withdrawn') return 'revokedBeforePublication';
  return d.dueAt && now > d.dueAt ? 'overdue' : 'pending';
}

const emptyCounts = (): TCounts => ({
  decided: 0,
  publishedOnTime: 0,
  publishedLate: 0,
  exempt: 0,
  revokedBeforePublication: 0,
  pending: 0,
  overdue: 0,
});

export async function publicationCompleteness(
  db: TReader,
  query: z.infer<typeof ZPublicationCompletenessQuery>,
  now: Date,
  /** The records the caller reaches (disclosure by unit, disclosure-access.ts). */
  scope: TDisclosureScope = { all: true },
): Promise<TPublicationCompleteness> {
  const rows = await decisionsForCompleteness(db, scope, {
    gte: new Date(`${query.year}-01-01T00:00:00Z`),
    lt: new Date(`${query.year + 1}-01-01T00:00:00Z`),
  });
  const totals = emptyCounts();
  const units = new Map<string | null, TCounts & { exemptByReason: Record<string, number> }>();
  const findings: TPublicationCompleteness['findings'] = [];
  for (const d of rows) {
    const outcome = publicationOutcomeOf(d, now);
    const unit = units.get(d.unitId) ?? { ...emptyCounts(), exemptByReason: {} };
    units.set(d.unitId, unit);
    for (const c of [totals, unit]) {
      c.decided += 1;
      c[outcome] += 1;
    }
    if (outcome === 'exempt') {
      const reason = d.exemptionReason ?? '';
      unit.exemptByReason[reason] = (unit.exemptByReason[reason] ?? 0) + 1;
    }
    if (outcome === 'overdue' || outcome === 'publishedLate')
      findings.push({
        id: d.id,
        caseNumber: d.caseNumber,
        cycle: d.cycle,
        documentNumber: d.documentNumber,
        decisionKind: d.decisionKind,
        decisionDate: d.decisionDate ? fromDateColumn(d.decisionDate) : null,
        unitId: d.unitId,
        dueAt: d.dueAt?.toISOString() ?? null,
        publishedAt: d.publishedAt?.toISOString() ?? null,
        outcome,
        outcomeLabel: publicationOutcomeLabel[outcome],
      });
  }
  const byUnit = [...units.entries()]
    .map(([unitId, c]) => ({
      unitId,
      ...c,
      selective: c.overdue > 0 && c.publishedOnTime + c.publishedLate > 0,
    }))
    .sort((a, b) => (a.unitId ?? '').localeCompare(b.unitId ?? ''));
  // Never published first, then published late; earliest due first within each.
  const rank = (f: (typeof findings)[number]) => (f.outcome === 'overdue' ? 0 : 1);
  findings.sort((a, b) => rank(a) - rank(b) || (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
  const selective = byUnit.some((u) => u.selective);
  const published = totals.publishedOnTime + totals.publishedLate;
  const summary =
    totals.decided === 0
      ? `${query.year}年尚无执法决定。`
      : `${query.year}年作出执法决定 ${totals.decided} 件：已公开 ${published} 件（其中逾期 ${totals.publishedLate} 件），经批准不予公开 ${totals.exempt} 件，公开前被撤销 ${totals.revokedBeforePublication} 件，尚在期限内 ${totals.pending} 件，逾期未公开 ${totals.overdue} 件` +
        (selective ? '；有单位公开了部分决定而其余逾期未公开，属选择性公示，应责令改正。' : '。');
  return { year: query.year, asOf: now.toISOString(), totals, byUnit, findings, selective, summary };
}
