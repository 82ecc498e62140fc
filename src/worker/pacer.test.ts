import { describe, expect, it } from 'vitest';
import { FIRST_STEP_MS, FramePacer, MAX_STEP_MS } from './pacer';

describe('frame pacing', () => {
  it('advances by one display frame first, then by the wall time between requests, capped', () => {
    let t = 1000;
    const pacer = new FramePacer(() => t);
    expect(pacer.next()).toBe(FIRST_STEP_MS);
    t += 20;
    expect(pacer.next()).toBe(20);
    t += 5000; // a hidden tab
    expect(pacer.next()).toBe(MAX_STEP_MS);
  });

  it('starts over after the run stops', () => {
    let t = 0;
    const pacer = new FramePacer(() => t);
    pacer.next();
    t += 40;
    pacer.stop();
    t += 40;
    expect(pacer.next()).toBe(FIRST_STEP_MS);
  });
});
