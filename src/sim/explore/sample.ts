// Random mode's sampler: sample u draws, from a generator seeded by (seed, u) alone, up to
// `maxDeviations` of the default run's open choice points and a value for each in its range (an
// end of it half of the time, where timing leaks show). A sample depends only on the seed and its
// number, so any shard draws the same one.

import { nextInt, seedRng } from '../core/rng';

export function sampleDeviations(log: readonly number[], seed: number, u: number, maxDeviations: number): Map<number, number> {
  const open: number[] = [];
  for (let i = 0; i < log.length; i += 5) if (log[i + 2] > log[i + 1]) open.push(i / 5);
  const d = new Map<number, number>();
  if (open.length === 0 || maxDeviations < 1) return d;
  const rng = seedRng((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(u + 1, 0x85ebca6b)) >>> 0);
  const k = nextInt(rng, 1, Math.min(maxDeviations, open.length));
  while (d.size < k) {
    const c = open[nextInt(rng, 0, open.length - 1)];
    if (d.has(c)) continue;
    const lo = log[c * 5 + 1],
      hi = log[c * 5 + 2];
    const pick = nextInt(rng, 0, 3);
    d.set(c, pick === 0 ? lo : pick === 1 ? hi : nextInt(rng, lo, hi));
  }
  return d;
}
