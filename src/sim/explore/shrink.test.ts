// Shrinking never returns a longer list than it was given, keeps the finding, and leaves nothing
// that can be dropped — over many random findings whose cause is a hidden subset of deviations.

import { describe, expect, it } from 'vitest';
import { nextInt, seedRng } from '../core/rng';
import { shrinkDeviations } from './shrink';

describe('shrinking', () => {
  it('returns a subset that still breaks, never longer, with no deviation to spare', () => {
    const rng = seedRng(42);
    for (let trial = 0; trial < 300; trial++) {
      const given = new Map<number, number>();
      const n = nextInt(rng, 1, 8);
      while (given.size < n) given.set(nextInt(rng, 0, 99), nextInt(rng, 0, 9));
      // The finding shows when every deviation of a hidden cause (a non-empty subset) is taken.
      const keys = [...given.keys()];
      const cause = keys.filter(() => nextInt(rng, 0, 2) === 0);
      if (cause.length === 0) cause.push(keys[0]);
      const breaks = (d: Map<number, number>) => cause.every((k) => d.get(k) === given.get(k));
      const out = shrinkDeviations(
        { deviations: given },
        (d) => (breaks(d) ? { deviations: d } : null),
        () => true,
      );
      expect(out.deviations.size).toBeLessThanOrEqual(given.size);
      for (const [k, v] of out.deviations) expect(given.get(k)).toBe(v);
      expect(breaks(out.deviations)).toBe(true);
      expect(out.deviations.size).toBe(cause.length);
    }
  });

  it('stops when there is no room, returning what it has (still a finding, never longer)', () => {
    const given = new Map([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    let tries = 0;
    const out = shrinkDeviations(
      { deviations: given },
      (d) => (d.has(3) ? { deviations: d } : null),
      () => tries++ < 1,
    );
    expect([...out.deviations.keys()]).toEqual([2, 3]);
  });
});
