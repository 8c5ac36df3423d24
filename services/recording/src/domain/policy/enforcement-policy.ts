import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ZDecisionKind } from '@sanxiang/shared';
import { ZActivityKind } from '../records/activity-kinds';

/**
 * The agency's own lists that the rules leave to it, as data (configurable without a code change;
 * `ENFORCEMENT_POLICY_FILE` replaces the demo lists below):
 * - 音像记录事项清单 (001 二(二)3): activity kinds recorded on A/V in full beyond the statutory ones
 *   (记录规定 §14), and those a text record documents fully ("文字记录能够全面有效记录执法行为的，
 *   可以不进行音像记录") — never the statutory ones;
 * - 重大执法决定事项目录 (审核办法 §4(六)): decision kinds, penalty kinds or fine amounts that make a
 *   case major whatever the handler says.
 */
export const ZMajorCatalogueEntry = z.object({
  id: z.string().trim().min(1).max(64),
  /** What the entry says, as published, e.g. `对法人或者其他组织处五万元以上罚款`. */
  title: z.string().trim().min(1).max(200),
  decisionKind: ZDecisionKind,
  /** The penalty kind contains this text (e.g. `吊销`); any penalty kind when absent. */
  penaltyKindContains: z.string().trim().min(1).max(50).optional(),
  /** A fine of at least this many yuan; any amount when absent. */
  minFineYuan: z.number().nonnegative().optional(),
});
export type TMajorCatalogueEntry = z.infer<typeof ZMajorCatalogueEntry>;

export const ZEnforcementPolicy = z.object({
  audioVisual: z.object({
    requiredActivityKinds: z.array(ZActivityKind),
    textSufficesActivityKinds: z.array(ZActivityKind),
  }),
  majorDecisionCatalogue: z.array(ZMajorCatalogueEntry),
});
export type TEnforcementPolicy = z.infer<typeof ZEnforcementPolicy>;

/** Demo lists (a municipal 人社局's): what the demo and the tests run with. */
export const demoEnforcementPolicy: TEnforcementPolicy = {
  audioVisual: {
    requiredActivityKinds: ['hearing'],
    textSufficesActivityKinds: ['interview', 'other'],
  },
  majorDecisionCatalogue: [
    {
      id: 'fine-50000',
      title: '对法人或者其他组织处五万元以上罚款',
      decisionKind: 'penalty',
      minFineYuan: 50_000,
    },
    {
      id: 'revoke-licence',
      title: '吊销许可证件',
      decisionKind: 'penalty',
      penaltyKindContains: '吊销',
    },
    {
      id: 'suspend-business',
      title: '责令停产停业',
      decisionKind: 'penalty',
      penaltyKindContains: '停产停业',
    },
  ],
};

/** The policy from `ENFORCEMENT_POLICY_FILE` (JSON of `ZEnforcementPolicy`), else the demo lists. */
export function loadEnforcementPolicy(file: string | undefined): TEnforcementPolicy {
  if (!file) return demoEnforcementPolicy;
  const parsed = ZEnforcementPolicy.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`ENFORCEMENT_POLICY_FILE ${file}: ${parsed.error.message}`);
  return parsed.data;
}

/** The catalogue entries a proposed decision falls under (empty: the catalogue does not make it major). */
export function majorCatalogueMatches(
  catalogue: readonly TMajorCatalogueEntry[],
  p: { decisionKind: string; penaltyKind?: string | undefined; fineAmountYuan?: number | undefined },
): TMajorCatalogueEntry[] {
  return catalogue.filter(
    (e) =>
      e.decisionKind === p.decisionKind &&
      (e.penaltyKindContains === undefined || (p.penaltyKind ?? '').includes(e.penaltyKindContains)) &&
      (e.minFineYuan === undefined || (p.fineAmountYuan ?? -1) >= e.minFineYuan),
  );
}
