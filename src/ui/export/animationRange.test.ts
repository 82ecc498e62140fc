import { describe, expect, it } from 'vitest';
import { defaultStep, frameTicks, MAX_FRAMES, rangeProblem } from './animationExport';

describe('an animation’s range', () => {
  it('takes a frame every step from the start, and the end', () => {
    expect(frameTicks({ from: 10, to: 30, step: 10 })).toEqual([10, 20, 30]);
    expect(frameTicks({ from: 0, to: 25, step: 10 })).toEqual([0, 10, 20, 25]);
  });

  it('steps so that a long run has at most MAX_FRAMES frames', () => {
    expect(defaultStep(0, 50)).toBe(1);
    const step = defaultStep(0, 100_000);
    expect(frameTicks({ from: 0, to: 100_000, step }).length).toBeLessThanOrEqual(MAX_FRAMES);
  });

  it('says what is wrong with a range', () => {
    expect(rangeProblem({ from: 0, to: 100, step: 5 }, 400)).toBeNull();
    expect(rangeProblem({ from: 50, to: 50, step: 1 }, 400)).toBe('"To" must come after "From".');
    expect(rangeProblem({ from: 0, to: 500, step: 1 }, 400)).toBe('The range must lie within the run, 0 to 400.');
    expect(rangeProblem({ from: 0, to: 100, step: 0 }, 400)).toBe('The step must be at least one tick.');
    expect(rangeProblem({ from: 0, to: 4000, step: 1 }, 4000)).toMatch(/^That is 4001 frames/);
  });
});
