// Random mode's sampler, in the manner of PCT (probabilistic concurrency testing): a bug of depth d
// needs d choices to go a particular way, so each sample draws a depth d in 1 … maxDeviations and d
// change points uniformly over the default run's open choice points, and moves each one to a
// random end of its range (where timing leaks show) or, for a tick's event order, puts a random
// other source first. A bug of depth d over n choice points is then hit with probability about
// 1 / (bound · n^d · 2^d) per sample, without enumerating. Sample u draws from a generator seeded by
// (seed, u) alone, so any shard draws the same sample.

import { CH_ORDER } from '../core/choice';
import { nextInt, seedRng } from '../core/rng';
import type { ChoiceRecord } from '../core/choiceRecord';

export function sampleDeviations(log: ChoiceRecord, seed: number, u: number, maxDeviations: number): Map<number, number> {
  const open: number[] = [];
  for (let i = 0; i < log.size; i++) if (log.field(i, 2) > log.field(i, 1)) open.push(i);
  const d = new Map<number, number>();
  if (open.length === 0 || maxDeviations < 1) return d;
  const rng = seedRng((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(u + 1, 0x85ebca6b)) >>> 0);
  const depth = nextInt(rng, 1, Math.min(maxDeviations, open.length));
  while (d.size < depth) {
    const c = open[nextInt(rng, 0, open.length - 1)];
    if (d.has(c)) continue;
    const kind = log.field(c, 0),
      lo = log.field(c, 1),
      hi = log.field(c, 2),
      taken = log.field(c, 4);
    let v: number;
    if (kind === CH_ORDER) {
      v = nextInt(rng, lo, hi - 1);
      if (v >= taken) v++;
    } else v = taken === lo ? hi : taken === hi ? lo : nextInt(rng, 0, 1) === 0 ? lo : hi;
    d.set(c, v);
  }
  return d;
}
