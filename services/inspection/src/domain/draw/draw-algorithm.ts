import { mersenne, unsafeUniformIntDistribution, type RandomGenerator } from 'pure-rand';

/**
 * The seeded draw of 双随机 (random objects, random inspectors), as a pure function of its
 * published input and seed: anyone holding both re-draws the same result (docs/inspection.md,
 * "Re-drawing a published draw"). Changing anything here changes results: bump the version.
 *
 * Algorithm `sanxiang-draw-v1`:
 * 1. rng = MT19937 seeded with the unsigned 32-bit seed (pure-rand `mersenne`), integers drawn
 *    uniformly without modulo bias (`uniformIntDistribution`).
 * 2. Objects: the pool in the published order (by 统一社会信用代码); a partial Fisher–Yates shuffle
 *    takes `objectCount` of them: for i = 0 … objectCount−1, j = uniform(i, n−1), swap i and j.
 * 3. Inspectors: for each drawn object in draw order, the pool in the published order (by person
 *    id) minus those with a declared conflict with that object and, when the item says so, those who
 *    inspected it last time; a partial Fisher–Yates shuffle of that list takes `inspectorsPerObject`.
 */
export const drawAlgorithm = 'sanxiang-draw-v1: MT19937 (pure-rand 7 mersenne), partial Fisher–Yates';

/**
 * Algorithm `sanxiang-draw-v2-stratified` (分层抽取, where the item says so): as v1, except step 2
 * runs per stratum — for each stratum in the published order (by its key), the pool's objects of
 * that stratum in the pool's order, a partial Fisher–Yates shuffle with the one rng takes the
 * stratum's published count; the drawn objects are the strata's draws one after the other. Step 3
 * is v1's. v1 draws (no `strata` in their input) re-draw exactly as before.
 */
export const stratifiedDrawAlgorithm =
  'sanxiang-draw-v2-stratified: MT19937 (pure-rand 7 mersenne), partial Fisher–Yates per stratum';

/** How the item stratifies its draws: by the object's 所属区域 or its 类型. */
export type TStratifyBy = 'district' | 'kind';

export interface TDrawInput {
  /** Ordered by 统一社会信用代码; `stratum` (v2 only) is the object's stratum key. */
  objects: { id: string; uscc: string; name: string; stratum?: string }[];
  /** Ordered by person id. */
  inspectors: { id: string; name: string }[];
  /** Declared conflicts of interest: never drawn together. */
  conflicts: { inspectorId: string; objectId: string }[];
  /** Last time's inspectors of an object, excluded when the item says so (empty otherwise). */
  previous: { objectId: string; inspectorIds: string[] }[];
  objectCount: number;
  inspectorsPerObject: number;
  /**
   * v2 only: the strata (ordered by key) and how many objects each gives; the counts add up to
   * `objectCount`. Absent: one stratum, the v1 draw.
   */
  strata?: { by: TStratifyBy; key: string; poolSize: number; count: number }[];
}

export interface TDrawnAssignment {
  objectId: string;
  inspectorIds: string[];
}

export type TDrawOutcome =
  | { ok: true; assignments: TDrawnAssignment[] }
  | {
      ok: false;
      /** Objects for which fewer eligible inspectors remain than the draw needs. */
      short: { objectId: string; eligible: number }[];
    };

/** A uint32 seed (MT19937 takes 32 bits). */
export const isDrawSeed = (seed: number): boolean =>
  Number.isInteger(seed) && seed >= 0 && seed <= 0xffff_ffff;

function takeShuffled<T>(pool: readonly T[], count: number, rng: RandomGenerator): T[] {
  const items = [...pool];
  for (let i = 0; i < count; i++) {
    const j = unsafeUniformIntDistribution(i, items.length - 1, rng);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items.slice(0, count);
}

export function runDraw(input: TDrawInput, seed: number): TDrawOutcome {
  if (!isDrawSeed(seed)) throw new RangeError(`seed must be a uint32, got ${seed}`);
  if (input.objectCount < 0 || input.objectCount > input.objects.length)
    throw new RangeError(`objectCount ${input.objectCount} outside 0…${input.objects.length}`);
  // pure-rand takes a signed 32-bit int; `| 0` maps the uint32 onto it one-to-one.
  const rng = mersenne(seed | 0);
  const conflicted = new Set(input.conflicts.map((c) => `${c.objectId}\n${c.inspectorId}`));
  const previous = new Map(input.previous.map((p) => [p.objectId, new Set(p.inspectorIds)]));
  const drawn = input.strata
    ? input.strata.flatMap((stratum) => {
        const pool = input.objects.filter((o) => o.stratum === stratum.key);
        if (stratum.count < 0 || stratum.count > pool.length)
          throw new RangeError(`stratum ${stratum.key}: count ${stratum.count} outside 0…${pool.length}`);
        return takeShuffled(pool, stratum.count, rng);
      })
    : takeShuffled(input.objects, input.objectCount, rng);
  if (input.strata && drawn.length !== input.objectCount)
    throw new RangeError(`strata give ${drawn.length} objects, objectCount is ${input.objectCount}`);
  const assignments: TDrawnAssignment[] = [];
  const short: { objectId: string; eligible: number }[] = [];
  for (const object of drawn) {
    const eligible = input.inspectors.filter(
      (i) => !conflicted.has(`${object.id}\n${i.id}`) && !previous.get(object.id)?.has(i.id),
    );
    if (eligible.length < input.inspectorsPerObject) {
      short.push({ objectId: object.id, eligible: eligible.length });
      continue;
    }
    assignments.push({
      objectId: object.id,
      inspectorIds: takeShuffled(eligible, input.inspectorsPerObject, rng).map((i) => i.id),
    });
  }
  return short.length > 0 ? { ok: false, short } : { ok: true, assignments };
}

/**
 * How many objects each stratum gives (the service computes this and publishes it in the draw's
 * input; the draw itself only reads the published counts). By ratio: each stratum ceil(size × r%),
 * as 000 §9's ratio applies to every stratum. By count: proportional to the strata's sizes, by
 * largest remainder (Hamilton): floor of each quota, the rest one each to the largest remainders,
 * ties to the stratum first in key order.
 */
export function allocateStrata(
  by: TStratifyBy,
  sizes: { key: string; poolSize: number }[],
  want: { count: number } | { ratioPercent: number },
): NonNullable<TDrawInput['strata']> {
  const strata = [...sizes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if ('ratioPercent' in want)
    return strata.map((s) => ({
      by,
      key: s.key,
      poolSize: s.poolSize,
      count: Math.ceil((s.poolSize * want.ratioPercent) / 100),
    }));
  const total = strata.reduce((n, s) => n + s.poolSize, 0);
  if (want.count > total) throw new RangeError(`count ${want.count} over the pool's ${total}`);
  // Integer arithmetic: quota = count × size / total, floor and remainder exact.
  const quotas = strata.map((s, index) => ({
    index,
    floor: Math.floor((want.count * s.poolSize) / total),
    remainder: (want.count * s.poolSize) % total,
  }));
  let left = want.count - quotas.reduce((n, q) => n + q.floor, 0);
  const byRemainder = [...quotas].sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  const extra = new Set<number>();
  for (const q of byRemainder) {
    if (left === 0) break;
    extra.add(q.index);
    left -= 1;
  }
  return strata.map((s, i) => ({
    by,
    key: s.key,
    poolSize: s.poolSize,
    count: quotas[i]!.floor + (extra.has(i) ? 1 : 0),
  }));
}
