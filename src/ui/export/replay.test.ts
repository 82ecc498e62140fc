import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse';
import { galleryEntry } from '../../scenario/gallery';
import { TX } from '../../worker/frameFormat';
import { replay } from './replay';

const seed = () => {
  const r = parseScenario(galleryEntry('seed-attack')!.doc);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
};

describe('the replay behind an export', () => {
  it('gives the engine state at each tick: the same at the same tick, with the violations so far', () => {
    const a = replay(seed());
    const b = replay(seed());
    const early = a(10);
    expect(early.view.now).toBe(10);
    expect(early.violations).toEqual([]);
    const later = a(100);
    expect(later.violations.length).toBeGreaterThan(0);
    expect(later.violations.every((v) => v.t <= 100)).toBe(true);
    b(10);
    expect(b(100)).toEqual(later);
  });

  it('replays a counterexample with its timing, as the app runs it', () => {
    // `&x=2-8` (found by the CLI's explore of seed-attack under P0): I1 breaks at t=47.
    const cx = replay(seed(), new Map([[2, 8]]))(47);
    expect(cx.violations.map((v) => `${v.number}@${v.t}`)).toEqual(['I1@47']);
    expect(replay(seed())(47).violations).toEqual([]);
  });

  it('packs the transactions in flight, and refuses to go back', () => {
    const at = replay(seed());
    let seen = 0;
    for (let t = 0; t <= 120; t += 5) seen += at(t).inflight.length / TX.stride;
    expect(seen).toBeGreaterThan(0);
    expect(() => at(50)).toThrow('cannot go back to 50');
  });
});
