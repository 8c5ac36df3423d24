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

export interface TDrawInput {
  /** Ordered by 统一社会信用代码. */
  objects: { id: string; uscc: string; name: string }[];
  /** Ordered by person id. */
  inspectors: { id: string; name: string }[];
  /** Declared conflicts of interest: never drawn together. */
  conflicts: { inspectorId: string; objectId: string }[];
  /** Last time's inspectors of an object, excluded when the item says so (empty otherwise). */
  previous: { objectId: string; inspectorIds: string[] }[];
  objectCount: number;
  inspectorsPerObject: number;
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
  const drawn = takeShuffled(input.objects, input.objectCount, rng);
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
