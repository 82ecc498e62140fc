// The explorer finds a violation that only a non-default downstream delay produces, shrinks it,
// and its choice list replays it; a sound hand-over gives "none found" with its coverage.

import { describe, expect, it } from 'vitest';
import { createEngine } from './engine';
import { decodeChoices } from './core/choiceList';
import { explore } from './explore';
import { galleryDoc, scenarioOf } from '../testing/scenarios';
import type { Scenario } from './model/scenario';

const HORIZON = 600;

/** Seed-attack's first two operations: A's read loop, then the hand-over to P, under `policy`. */
function handover(policy: string): Scenario {
  const doc = structuredClone(galleryDoc('seed-attack')) as { policy: { id: string }; script: unknown[] };
  doc.policy.id = policy;
  doc.script = doc.script.slice(0, 2);
  return scenarioOf(doc);
}

function invariantsBroken(sc: Scenario, deviations?: Map<number, number>) {
  const e = createEngine(sc, { deviations });
  e.runUntil(HORIZON);
  return { numbers: new Set(e.violations.map((v) => v.number)), hash: e.traceHash() };
}

describe('bounded exploration', () => {
  it('finds a read of the next owner that only a non-default delay produces, and replays it', () => {
    const sc = handover('P0');
    expect(invariantsBroken(sc).numbers.has('I1')).toBe(false);
    const r = explore(sc, { horizon: HORIZON, maxDeviations: 1, budget: 400 });
    const cx = r.counterexamples.find((c) => c.number === 'I1');
    expect(cx).toBeDefined();
    if (cx === undefined) return;
    expect(cx.deviations).toHaveLength(1);
    expect(cx.deviations[0].kind).toBe('downstream');
    expect(cx.deviations[0].value).not.toBe(cx.deviations[0].default);
    const d = decodeChoices(cx.choices);
    if (!d.ok) throw new Error(d.message);
    const replay = invariantsBroken(sc, d.deviations);
    expect(replay.numbers.has('I1')).toBe(true);
    expect(replay.hash).toBe(cx.traceHash);
    // The search is deterministic.
    expect(explore(sc, { horizon: HORIZON, maxDeviations: 1, budget: 400 })).toEqual(r);
  });

  it('shrinks a counterexample to the deviations it needs', () => {
    const sc = handover('P0');
    const r = explore(sc, { horizon: HORIZON, maxDeviations: 2, budget: 400 });
    for (const c of r.counterexamples) {
      expect(c.deviations.length).toBeGreaterThanOrEqual(1);
      // Without any one of its deviations the violation is gone.
      for (const drop of c.deviations) {
        const rest = new Map(c.deviations.filter((x) => x !== drop).map((x) => [x.index, x.value] as [number, number]));
        if (c.deviations.length > 1) expect(invariantsBroken(sc, rest).numbers.has(c.number)).toBe(false);
      }
    }
  });

  it('reports none found with its coverage when the hand-over holds under every schedule it ran', () => {
    const sc = handover('P1');
    const r = explore(sc, { horizon: HORIZON, maxDeviations: 1, budget: 1000 });
    expect(r.defaultViolations).toEqual([]);
    expect(r.counterexamples).toEqual([]);
    expect(r.exhausted).toBe(true);
    expect(r.boundReached).toBe(1);
    expect(r.schedules).toBeGreaterThan(r.openChoicePoints);
    expect(r.distinctTraces).toBeGreaterThan(1);
  });

  it('stops at its budget and says the bound was not exhausted', () => {
    const r = explore(handover('P1'), { horizon: HORIZON, maxDeviations: 2, budget: 20 });
    expect(r.schedules).toBe(20);
    expect(r.exhausted).toBe(false);
  });
});
