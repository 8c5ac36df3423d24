import { allocateStrata, runDraw, type TDrawInput } from '../src/domain/draw/draw-algorithm';

const objects = Array.from({ length: 30 }, (_, i) => ({
  id: `o${String(i).padStart(2, '0')}`,
  uscc: `U${i}`,
  name: `对象${i}`,
}));
const inspectors = Array.from({ length: 7 }, (_, i) => ({ id: `p${i}`, name: `人员${i}` }));
const base: TDrawInput = {
  objects,
  inspectors,
  conflicts: [],
  previous: [],
  objectCount: 10,
  inspectorsPerObject: 2,
};
const seeds = Array.from({ length: 400 }, (_, i) => (i * 2_654_435_761) >>> 0);

describe('the seeded draw (sanxiang-draw-v1)', () => {
  it('gives the same objects and inspectors for the same seed and input, other results for other seeds', () => {
    const a = runDraw(base, 20_261_202);
    expect(runDraw(structuredClone(base), 20_261_202)).toEqual(a);
    const distinct = new Set(seeds.slice(0, 50).map((s) => JSON.stringify(runDraw(base, s))));
    expect(distinct.size).toBe(50);
  });

  it('re-draws a v1 draw exactly as the code before stratified draws did (pinned from that code)', () => {
    // Output of sanxiang-draw-v1 computed with main's code before v2 was added (2026-12-03):
    // draws already published must keep re-drawing to what was published.
    expect(runDraw({ ...base, objectCount: 4 }, 20_261_202)).toEqual({
      ok: true,
      assignments: [
        { objectId: 'o28', inspectorIds: ['p3', 'p2'] },
        { objectId: 'o10', inspectorIds: ['p3', 'p0'] },
        { objectId: 'o23', inspectorIds: ['p6', 'p5'] },
        { objectId: 'o16', inspectorIds: ['p0', 'p3'] },
      ],
    });
  });

  it('draws the count asked, distinct objects, and distinct inspectors per object (any seed, incl. 0 and 2^32−1)', () => {
    for (const seed of [0, 0xffff_ffff, ...seeds]) {
      const outcome = runDraw(base, seed);
      if (!outcome.ok) throw new Error('short');
      expect(outcome.assignments).toHaveLength(10);
      expect(new Set(outcome.assignments.map((a) => a.objectId)).size).toBe(10);
      for (const a of outcome.assignments) expect(new Set(a.inspectorIds).size).toBe(2);
    }
  });

  it('never draws an inspector with a declared conflict, nor last time’s inspectors, for that object (400 seeds)', () => {
    // Every object has a conflicted inspector; half also have last time's pair.
    const conflicts = objects.map((o, i) => ({ objectId: o.id, inspectorId: `p${i % 7}` }));
    const previous = objects
      .filter((_, i) => i % 2 === 0)
      .map((o, i) => ({ objectId: o.id, inspectorIds: [`p${(i + 1) % 7}`, `p${(i + 2) % 7}`] }));
    const input = { ...base, conflicts, previous, objectCount: 30 };
    const forbidden = new Map(objects.map((o) => [o.id, new Set<string>()]));
    for (const c of conflicts) forbidden.get(c.objectId)!.add(c.inspectorId);
    for (const p of previous) for (const id of p.inspectorIds) forbidden.get(p.objectId)!.add(id);
    let checked = 0;
    for (const seed of seeds) {
      const outcome = runDraw(input, seed);
      if (!outcome.ok) throw new Error('short');
      for (const a of outcome.assignments)
        for (const id of a.inspectorIds) {
          expect(forbidden.get(a.objectId)!.has(id)).toBe(false);
          checked += 1;
        }
    }
    expect(checked).toBe(400 * 30 * 2);
  });

  it('reports the objects left with too few eligible inspectors instead of drawing fewer', () => {
    const conflicts = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'].map((inspectorId) => ({
      objectId: 'o00',
      inspectorId,
    }));
    expect(runDraw({ ...base, conflicts, objectCount: 30 }, 7)).toEqual({
      ok: false,
      short: [{ objectId: 'o00', eligible: 1 }],
    });
  });
});

describe('stratified draws (sanxiang-draw-v2-stratified)', () => {
  // Three districts of 15, 10 and 5 objects, interleaved in the pool's order.
  const district = (i: number) => (i % 6 < 3 ? '天宁区' : i % 6 < 5 ? '钟楼区' : '新北区');
  const stratified = objects.map((o, i) => ({ ...o, stratum: district(i) }));
  const sizes = ['天宁区', '钟楼区', '新北区'].map((key) => ({
    key,
    poolSize: stratified.filter((o) => o.stratum === key).length,
  }));

  it('allocates by ratio per stratum (rounded up) and by count in proportion (largest remainder)', () => {
    expect(sizes.map((s) => s.poolSize)).toEqual([15, 10, 5]);
    expect(allocateStrata('district', sizes, { ratioPercent: 20 }).map((s) => [s.key, s.count])).toEqual([
      ['天宁区', 3],
      ['新北区', 1],
      ['钟楼区', 2],
    ]);
    // 7 of 30: quotas 3.5, 1.1667, 2.333 → floors 3, 1, 2 (6); the one left goes to 天宁区's .5.
    expect(allocateStrata('district', sizes, { count: 7 }).map((s) => [s.key, s.count])).toEqual([
      ['天宁区', 4],
      ['新北区', 1],
      ['钟楼区', 2],
    ]);
    // Every count from 0 to the whole pool is allocated exactly, never over a stratum's size.
    for (let count = 0; count <= 30; count++) {
      const strata = allocateStrata('district', sizes, { count });
      expect(strata.reduce((n, s) => n + s.count, 0)).toBe(count);
      for (const s of strata) expect(s.count).toBeLessThanOrEqual(s.poolSize);
    }
  });

  it('takes each stratum’s count from that stratum, and re-draws the same from the seed (400 seeds)', () => {
    const strata = allocateStrata('district', sizes, { count: 7 });
    const input: TDrawInput = { ...base, objects: stratified, objectCount: 7, strata };
    const stratumOf = new Map(stratified.map((o) => [o.id, o.stratum]));
    for (const seed of seeds) {
      const outcome = runDraw(input, seed);
      if (!outcome.ok) throw new Error('short');
      expect(runDraw(structuredClone(input), seed)).toEqual(outcome);
      const drawn = outcome.assignments.map((a) => stratumOf.get(a.objectId));
      // The strata's draws one after the other, in key order, each of its count.
      expect(drawn).toEqual([...Array(4).fill('天宁区'), '新北区', '钟楼区', '钟楼区']);
      expect(new Set(outcome.assignments.map((a) => a.objectId)).size).toBe(7);
    }
    // Different seeds draw different objects within the strata.
    const distinct = new Set(seeds.slice(0, 50).map((s) => JSON.stringify(runDraw(input, s))));
    expect(distinct.size).toBe(50);
  });

  it('never draws a conflicted inspector in a stratified draw either', () => {
    const conflicts = stratified.map((o, i) => ({ objectId: o.id, inspectorId: `p${i % 7}` }));
    const input: TDrawInput = {
      ...base,
      objects: stratified,
      conflicts,
      objectCount: 6,
      strata: allocateStrata('district', sizes, { ratioPercent: 20 }),
    };
    const forbidden = new Set(conflicts.map((c) => `${c.objectId}/${c.inspectorId}`));
    for (const seed of seeds) {
      const outcome = runDraw(input, seed);
      if (!outcome.ok) throw new Error('short');
      for (const a of outcome.assignments)
        for (const id of a.inspectorIds) expect(forbidden.has(`${a.objectId}/${id}`)).toBe(false);
    }
  });

  it('refuses strata whose counts do not add up to the object count', () => {
    const strata = allocateStrata('district', sizes, { count: 7 });
    expect(() => runDraw({ ...base, objects: stratified, objectCount: 8, strata }, 1)).toThrow(RangeError);
  });
});
