import { z } from 'zod';
import type { DecisionFiling, SpotCheck, SpotCheckItem } from '../../data-access/rows';
import { toDecisionFiling, ZDecisionFiling } from '../filings/file-decision';
import { fromDateColumn } from '@sanxiang/shared/src/calendar';

export const ZSpotCheckItem = z.object({
  id: z.string(),
  position: z.number().int(),
  filing: ZDecisionFiling,
  conclusion: z.enum(['compliant', 'issuesFound']).nullable(),
  findings: z.string().nullable(),
  checkedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  checkedAt: z.string().nullable(),
});
export type TSpotCheckItemView = z.infer<typeof ZSpotCheckItem>;

export const ZSpotCheck = z.object({
  id: z.string(),
  /** Reproduce: rank the population's ids by SHA-256(seed + ":" + id), take the first sampleSize. */
  seed: z.string(),
  decidedFrom: z.string(),
  decidedTo: z.string(),
  handlingUnit: z.string().nullable(),
  populationSize: z.number().int(),
  populationSha256: z.string(),
  sampleSize: z.number().int(),
  note: z.string().nullable(),
  drawnBy: z.object({ id: z.string(), name: z.string() }),
  drawnAt: z.string(),
  items: z.array(ZSpotCheckItem),
});
export type TSpotCheckView = z.infer<typeof ZSpotCheck>;

export const toSpotCheckItem = (item: SpotCheckItem & { filing: DecisionFiling }): TSpotCheckItemView => ({
  id: item.id,
  position: item.position,
  filing: toDecisionFiling(item.filing),
  conclusion: item.conclusion,
  findings: item.findings,
  checkedBy: item.checkedBy ? { id: item.checkedBy, name: item.checkedByName ?? '' } : null,
  checkedAt: item.checkedAt?.toISOString() ?? null,
});

export const toSpotCheck = (
  check: SpotCheck & { items: (SpotCheckItem & { filing: DecisionFiling })[] },
): TSpotCheckView => ({
  id: check.id,
  seed: check.seed,
  decidedFrom: fromDateColumn(check.decidedFrom),
  decidedTo: fromDateColumn(check.decidedTo),
  handlingUnit: check.handlingUnit,
  populationSize: check.populationSize,
  populationSha256: check.populationSha256,
  sampleSize: check.sampleSize,
  note: check.note,
  drawnBy: { id: check.drawnBy, name: check.drawnByName },
  drawnAt: check.drawnAt.toISOString(),
  items: check.items.map(toSpotCheckItem),
});
