import { runDraw, type TDrawInput } from '../src/domain/draw/draw-algorithm';

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
