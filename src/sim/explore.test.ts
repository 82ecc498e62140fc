// The explorer finds a violation that only a non-default downstream delay produces, shrinks it,
// and its choice list replays it; a sound hand-over gives "none found" with its coverage.

import { describe, expect, it } from 'vitest';
import { createEngine } from './engine';
import { decodeChoices } from './core/choiceList';
import { handovers } from './report';
import { explore, exploreShard, mergeExplore, type ExploreOptions } from './explore';
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
    // P programs no DMA in these two operations: its DMA never runs, by default already.
    expect(r.defaultViolations).toEqual(['new-owner-dma']);
    expect(r.counterexamples).toEqual([]);
    expect(r.exhausted).toBe(true);
    expect(r.boundReached).toBe(1);
    expect(r.schedules).toBeGreaterThan(r.openChoicePoints);
    expect(r.distinctTraces).toBeGreaterThan(1);
  });

  it('stops at its budget and says the bound was not exhausted', () => {
    const r = explore(handover('P1'), { horizon: HORIZON, maxDeviations: 2, budget: 20 });
    expect(r.schedules).toBeLessThanOrEqual(20);
    expect(r.exhausted).toBe(false);
  });
});

describe('distinct states', () => {
  it('counts every state the search reached: the default run alone ends in one, each bound reaches more', () => {
    const sc = handover('P1');
    const r0 = explore(sc, { horizon: HORIZON, maxDeviations: 0, budget: 100 });
    expect(r0.schedules).toBe(1);
    expect(r0.distinctStates).toBe(1);
    // A bound of 1 branches from no state, yet every schedule it runs ends in a state it reached.
    const r1 = explore(sc, { horizon: HORIZON, maxDeviations: 1, budget: 400 });
    expect(r1.schedules).toBeGreaterThan(1);
    expect(r1.distinctStates).toBeGreaterThan(1);
    expect(r1.distinctStates).toBeLessThanOrEqual(r1.schedules);
    const r2 = explore(sc, { horizon: HORIZON, maxDeviations: 2, budget: 400 });
    expect(r2.distinctStates).toBeGreaterThan(r1.distinctStates);
  });
});

describe('shards', () => {
  const sc = handover('P0');
  const o: ExploreOptions = { horizon: HORIZON, maxDeviations: 2, budget: 90 };
  const merged = (count: number, opts: ExploreOptions = o) =>
    mergeExplore([...Array(count).keys()].map((index) => exploreShard(sc, opts, { index, count })));

  it('merging 1 or 3 shards gives exactly the one-call result, and 1, 2, 4 shards agree', () => {
    const whole = explore(sc, o);
    expect(whole.counterexamples.length).toBeGreaterThan(0);
    expect(merged(1)).toEqual(whole);
    expect(merged(3)).toEqual(whole);
    expect(merged(2)).toEqual(whole);
    expect(merged(4)).toEqual(whole);
  }, 30_000);

  it('agrees across shard counts in random mode too, and reports sampling', () => {
    const ro: ExploreOptions = { ...o, mode: 'random', samples: 30, seed: 7 };
    const whole = explore(sc, ro);
    expect(whole.mode).toBe('random');
    expect(whole.sampled).toBe(30);
    expect(whole.exhausted).toBe(false);
    expect(merged(3, ro)).toEqual(whole);
    expect(merged(2, ro)).toEqual(whole);
    expect(explore(sc, { ...ro, seed: 8 })).not.toEqual(whole);
  });

  it('names missing, duplicate and mismatched shards', () => {
    const a = exploreShard(sc, o, { index: 0, count: 3 });
    const b = exploreShard(sc, o, { index: 1, count: 3 });
    expect(mergeExplore([a, b])).toEqual({ error: 'explore: shard 2 of 3 missing' });
    expect(mergeExplore([a, b, b])).toEqual({ error: 'explore: shard 1 of 3 is given twice' });
    const other = exploreShard(sc, { ...o, horizon: HORIZON + 1 }, { index: 2, count: 3 });
    expect(mergeExplore([a, b, other])).toMatchObject({ error: expect.stringContaining('another scenario or other options') as unknown });
    expect(() => exploreShard(sc, o, { index: 3, count: 3 })).toThrow(/not a shard/);
  });

  it('parts are plain JSON', () => {
    const p = exploreShard(sc, o, { index: 1, count: 2 });
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });
});

describe('liveness findings', () => {
  /** Seed-attack's first three operations under P1: A's read loop, the hand-over to P, P's write loop. */
  function withNewOwnerDma(window?: [number, number]): Scenario {
    const doc = structuredClone(galleryDoc('seed-attack')) as {
      policy: { id: string };
      script: { at: number; window?: [number, number] }[];
    };
    doc.policy.id = 'P1';
    doc.script = doc.script.slice(0, 3);
    if (window !== undefined) doc.script[2].window = window;
    return scenarioOf(doc);
  }

  /** The first horizon at which the default run meets `ok`. */
  function firstHorizon(sc: Scenario, from: number, ok: (h: ReturnType<typeof handovers>[number]) => boolean): number {
    for (let t = from; t < HORIZON; t++) {
      const e = createEngine(sc);
      e.runUntil(t);
      const h = handovers(e.state)[0];
      if (h !== undefined && ok(h)) return t;
    }
    throw new Error('the default run never gets there');
  }

  it('finds a schedule in which the hand-over has not completed by the horizon, shrunk and replayable', () => {
    const sc = withNewOwnerDma();
    const horizon = firstHorizon(sc, 40, (h) => h.status === 'completed');
    const r = explore(sc, { horizon, maxDeviations: 2, budget: 300 });
    expect(r.defaultViolations).not.toContain('handover-completes');
    const cx = r.counterexamples.find((c) => c.invariant === 'handover-completes');
    expect(cx).toMatchObject({ kind: 'liveness', number: 'L1', violation: null });
    if (cx === undefined) return;
    expect(cx.deviations).toHaveLength(1);
    const d = decodeChoices(cx.choices);
    if (!d.ok) throw new Error(d.message);
    const e = createEngine(sc, { deviations: d.deviations });
    e.runUntil(horizon);
    expect(handovers(e.state)[0].status).toBe('running');
    expect(e.traceHash()).toBe(cx.traceHash);
  });

  it("finds a schedule in which the new owner's DMA is starved after its hand-over", () => {
    // P may program its DMA anywhere in [100, 140]; by default at 100.
    const sc = withNewOwnerDma([100, 140]);
    const horizon = firstHorizon(sc, 100, (h) => h.newOwnerDma === true);
    const r = explore(sc, { horizon, maxDeviations: 2, budget: 300 });
    expect(r.defaultViolations).not.toContain('new-owner-dma');
    const cx = r.counterexamples.find((c) => c.invariant === 'new-owner-dma');
    expect(cx).toMatchObject({ kind: 'liveness', number: 'L2' });
    if (cx === undefined) return;
    const d = decodeChoices(cx.choices);
    if (!d.ok) throw new Error(d.message);
    const e = createEngine(sc, { deviations: d.deviations });
    e.runUntil(horizon);
    expect(handovers(e.state)[0].newOwnerDma).toBe(false);
  });
});
