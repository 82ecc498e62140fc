// A search run in slices gives the part it gives run through; it breaks between slices, rests
// while held, and goes on when released or when a hold outlasts its limit.

import { describe, expect, it } from 'vitest';
import { exploreShard, exploreShardSteps } from '../../sim';
import { galleryScenario } from '../../testing/scenarios';
import { HOLD_LIMIT_MS, Hold, runInSlices, threadBreak } from './slices';

describe('a search in slices', () => {
  it('gives the same part with a break at every step as run through', async () => {
    const sc = galleryScenario('late-atc-ack');
    const o = { horizon: 400, maxDeviations: 2, budget: 60 };
    let breaks = 0;
    const part = await runInSlices(exploreShardSteps(sc, o, { index: 0, count: 1 }), {
      now: () => 0,
      sliceMs: 0,
      between: async () => void breaks++,
    });
    expect(part).toEqual(exploreShard(sc, o, { index: 0, count: 1 }));
    expect(breaks).toBeGreaterThan(60);
  });

  it('breaks once a slice has run its milliseconds', async () => {
    let t = 0;
    function* steps() {
      for (let i = 0; i < 10; i++) {
        t += 1;
        yield;
      }
      return 'done';
    }
    const at: number[] = [];
    const r = await runInSlices(steps(), { now: () => t, sliceMs: 3, between: async () => void at.push(t) });
    expect(r).toBe('done');
    expect(at).toEqual([3, 6, 9]);
  });

  it('rests while held, until released or the hold outlasts its limit', async () => {
    let t = 0;
    const hold = new Hold(() => t);
    const slept: number[] = [];
    const pause = async (ms: number) => {
      slept.push(ms);
      t += 10;
      if (slept.length === 3) hold.release();
    };
    const { between } = threadBreak(hold, pause);
    hold.hold();
    await between();
    // The break itself, then rests until the release after the third pause.
    expect(slept.length).toBe(3);
    hold.hold();
    slept.length = 0;
    const before = t;
    const never = new Hold(() => t);
    never.hold();
    await threadBreak(never, async () => void (t += 10)).between();
    expect(t - before).toBeGreaterThanOrEqual(HOLD_LIMIT_MS);
    expect(never.held).toBe(false);
  });
});
