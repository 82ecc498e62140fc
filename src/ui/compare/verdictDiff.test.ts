// The verdict diff on real runs of the seed's attack: P0 breaks I1b (first at t=77) and P1 does not.

import { describe, expect, it } from 'vitest';
import { buildReport, createEngine, type Scenario } from '../../sim';
import { galleryScenario } from '../../testing/scenarios';
import { underConfig } from '../../scenario/compareConfig';
import { verdictDiff } from './verdictDiff';

function verdicts(s: Scenario) {
  const e = createEngine(s);
  e.runUntil(600);
  const r = buildReport(e);
  return { violations: e.violations, handovers: r.handovers };
}

describe('verdictDiff', () => {
  const seed = galleryScenario('seed-attack');
  const p0 = verdicts(underConfig(seed, { policy: 'P0', mutations: [] }));
  const p1 = verdicts(underConfig(seed, { policy: 'P1', mutations: [] }));

  it('puts what only A breaks on A’s side, with its first tick', () => {
    const d = verdictDiff(p0, p1);
    expect(d.onlyA.find((i) => i.what === 'I1b')).toEqual({ what: 'I1b', a: 77, b: null });
    expect(d.onlyB).toEqual([]);
    expect(d.both).toEqual([]);
    expect(d.neither.map((i) => i.what)).toContain('liveness');
  });

  it('mirrors when the sides swap, and a run against itself breaks the same on both', () => {
    const d = verdictDiff(p1, p0);
    expect(d.onlyB.map((i) => i.what)).toContain('I1b');
    expect(d.onlyA).toEqual([]);
    const same = verdictDiff(p0, p0);
    expect(same.both.find((i) => i.what === 'I1b')).toEqual({ what: 'I1b', a: 77, b: 77 });
    expect(same.onlyA).toEqual([]);
  });
});
